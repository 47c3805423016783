fn main():
    for i in range(10):
        print(i)
    for i, x in enumerate(xs):
        print(i, x)
    for (i, x) in enumerate(xs):
        print(i, x)
    for k, (a, b) in items:
        pass
    for x in 1, 2, 3:
        pass

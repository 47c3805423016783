fn main():
    for i in range(10):
        if i % 2 == 0:
            continue
            print("even:", i)
        print("odd:", i)

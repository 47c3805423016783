fn main():
    let xs = [1, 2, 3]
    print(len(xs, 2))
    print(f64(1, 2))
    for i in range(0, 10, 1, 2):
        print(i)

fn first():
    print("open)

fn second(x: i64) -> i64
    return x + 1

fn third():
    print(1 +)
    print(2 $ 3)

fn main():
    first()
    print(second(1))
    third()

fn half(n: i64) -> i64:
    return n // 2
    print("never printed")

fn main():
    print(half(10))

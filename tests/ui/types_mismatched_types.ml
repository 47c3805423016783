fn label(n: i64) -> str:
    return n

fn main():
    print(label(3))

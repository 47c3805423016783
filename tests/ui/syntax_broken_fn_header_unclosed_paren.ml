fn add(x: i64, y: i64 -> i64:
    let total = x + y
    return total

fn main():
    print(add(1, 2))
    print(add(3, 4) * 2)

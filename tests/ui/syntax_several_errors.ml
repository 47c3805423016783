fn main():
    let a = (1 + 2
    let b = "open
    print(a, b)

fn helper(x: i64) -> i64
    return x +

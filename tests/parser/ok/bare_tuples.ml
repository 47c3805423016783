fn swap(a: i64, b: i64) -> (i64, i64):
    return b, a

fn main():
    let t = 1, 2
    a, b = b, a
    x = 1,
    print((1, 2))

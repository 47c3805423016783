fn halve(x: i64) -> i64 +:
    let half = x // 2
    return half

fn main():
    let h: i64 = halve(10)
    print(h + 1)

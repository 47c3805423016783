fn double(x: i64) -> i64:
    return 2 * x

fn main():
    var y = 1
    double(y) = 4
    y + 1 = 3
    print(y)

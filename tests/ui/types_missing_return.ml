fn sign(x: i64) -> i64:
    if x > 0:
        return 1
    elif x < 0:
        return -1

fn main():
    print(sign(3))

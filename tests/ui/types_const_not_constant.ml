fn size() -> i64:
    return 1024

const N: i64 = size()

fn main():
    print(N)

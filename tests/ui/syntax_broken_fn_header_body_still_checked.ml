fn describe(n: i64, -> str:
    let label: str = n
    return label

fn main():
    print(describe(1))

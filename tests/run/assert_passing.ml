# Covers: assert with and without a message when the condition holds; assert inside loops and functions
# Exit: 0

fn checked_sqrt(n: i64) -> i64:
    assert n >= 0, "n must be non-negative"
    var r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    assert r * r <= n
    return r

fn main():
    assert True
    assert 1 + 1 == 2, "arithmetic"
    for n in [0, 1, 15, 16, 99]:
        print(n, checked_sqrt(n))
    let xs = [3, 1, 2]
    assert len(xs) == 3 and 2 in xs, f"unexpected {xs}"
    print("all asserts held")

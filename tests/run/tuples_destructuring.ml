# Covers: tuple construction, indexing by literal, destructuring in let/for, swapping, nested tuples, tuple +, one-element tuple, tuples as returns
# Exit: 0

fn divmod_pair(a: i64, b: i64) -> (i64, i64):
    return (a // b, a % b)

fn min_max(xs: List[i64]) -> (i64, i64):
    return (min(xs), max(xs))

fn main():
    let pair = (3, 4.5)
    let (a, b) = pair
    print(pair, a, b, pair[0], pair[1])
    let (q, r) = divmod_pair(17, 5)
    print(q, r)
    var x = 1
    var y = 2
    x, y = y, x
    print(x, y)
    let nested = ((1, 2), ("three", 4.0))
    print(nested, nested[1][0])
    let ((p, s), (t, u)) = nested
    print(p + s, t, u)
    let single = (7,)
    print(single, single[0])
    print((1, 2) + (3,), (1, 2) == (1, 2))
    let points = [(1, 2), (3, 4), (5, 6)]
    var total = 0
    for (px, py) in points:
        total += px * py
    print(total)
    for px, py in points:
        print(px - py, end=" ")
    print()
    let (lo, hi) = min_max([5, 2, 9, 1])
    print(lo, hi)

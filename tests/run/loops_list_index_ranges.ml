# Covers: list indices computed from a loop variable (i + c, i * s + c, negative offsets counting from the end) in loops whose ranges are or are not within the list
# Exit: 0

fn dot_rows(a: List[f64], b: List[f64], n: i64) -> List[f64]:
    var out: List[f64] = []
    for i in range(n):
        let row = i * n
        for j in range(n):
            var s = 0.0
            for k in range(n):
                s += a[row + k] * b[k * n + j]
            out.append(s)
    return out

fn window_sum(xs: List[i64], start: i64, count: i64) -> i64:
    var total = 0
    for i in range(count):
        total += xs[start + i]
    return total

fn main():
    var a: List[f64] = []
    var b: List[f64] = []
    for i in range(9):
        a.append(f64(i))
        b.append(f64(9 - i))
    print(dot_rows(a, b, 3))
    let xs = [1, 2, 3, 4, 5, 6]
    print(window_sum(xs, 0, 6), window_sum(xs, 2, 3))
    # Negative positions count from the end: the loop's fast copy is not taken.
    print(window_sum(xs, -3, 3), window_sum(xs, -6, 6))
    var evens = 0
    for i in range(3):
        evens += xs[i * 2]
    print(evens)

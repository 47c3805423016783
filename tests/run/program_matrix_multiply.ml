# Covers: a realistic program: matrices as List[List[f64]]: multiply, transpose, identity, trace, printing rows with f-strings
# Exit: 0

fn zeros(rows: i64, cols: i64) -> List[List[f64]]:
    var m = List[List[f64]]()
    for r in range(rows):
        var row = List[f64]()
        for c in range(cols):
            row.append(0.0)
        m.append(row)
    return m

fn matmul(a: List[List[f64]], b: List[List[f64]]) -> List[List[f64]]:
    let n = len(a)
    let k = len(b)
    let m = len(b[0])
    var out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            var acc = 0.0
            for t in range(k):
                acc += a[i][t] * b[t][j]
            out[i][j] = acc
    return out

fn transpose(a: List[List[f64]]) -> List[List[f64]]:
    var out = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            out[j][i] = a[i][j]
    return out

fn show(m: List[List[f64]]):
    for row in m:
        var parts = List[str]()
        for x in row:
            parts.append(f"{x:7.2f}")
        print(" ".join(parts))

fn main():
    let a = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    let b = [[0.5, -1.0], [1.5, 0.0], [2.0, 0.25]]
    let c = matmul(a, b)
    show(c)
    show(transpose(a))
    let square = matmul(a, transpose(a))
    print(square, square[0][0] + square[1][1])

# Covers: a realistic program: Pascal's triangle as List[List[i64]], centered printing with f-string alignment, row sums as powers of two
# Exit: 0

fn pascal(rows: i64) -> List[List[i64]]:
    var triangle = List[List[i64]]()
    for r in range(rows):
        var row = [1]
        if r > 0:
            let previous = triangle[r - 1]
            for i in range(1, r):
                row.append(previous[i - 1] + previous[i])
            row.append(1)
        triangle.append(row)
    return triangle

fn main():
    let triangle = pascal(8)
    for row in triangle:
        var parts = List[str]()
        for value in row:
            parts.append(str(value))
        let text = " ".join(parts)
        print(f"{text:^29}|")
    for r, row in enumerate(triangle):
        assert sum(row) == 2 ** r
    print(triangle[7][3], len(triangle[7]), sum(triangle[7]))

# Covers: lists of lists, building a 2-d grid, row and column sums, lists of tuples and of strs, List[List[T]]() construction
# Exit: 0

fn make_grid(rows: i64, cols: i64) -> List[List[i64]]:
    var grid = List[List[i64]]()
    for r in range(rows):
        var row = List[i64]()
        for c in range(cols):
            row.append(r * cols + c)
        grid.append(row)
    return grid

fn main():
    let grid = make_grid(3, 4)
    print(grid)
    for row in grid:
        print(sum(row), end=" ")
    print()
    for c in range(4):
        var total = 0
        for r in range(3):
            total += grid[r][c]
        print(total, end=" ")
    print()
    grid[1][1] = -1
    print(grid[1])
    var names: List[List[str]] = [["a"], []]
    names[1].append("b")
    names[0].append("c")
    print(names)
    let edges = [(0, 1), (1, 2), (2, 0)]
    var degree = [0, 0, 0]
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    print(degree)

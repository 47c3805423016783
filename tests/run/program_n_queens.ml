# Covers: a realistic program: n-queens by backtracking with recursion and List mutation (append/pop), counting solutions for n = 1..8, printing the first 6x6 board
# Exit: 0

fn safe(cols: List[i64], col: i64) -> bool:
    let row = len(cols)
    for r in range(row):
        let c = cols[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True

fn solve(n: i64, cols: List[i64], solutions: List[List[i64]]):
    if len(cols) == n:
        solutions.append(cols.copy())
        return
    for col in range(n):
        if safe(cols, col):
            cols.append(col)
            solve(n, cols, solutions)
            cols.pop()

fn main():
    for n in range(1, 9):
        var solutions = List[List[i64]]()
        solve(n, List[i64](), solutions)
        print(n, len(solutions))
    var six = List[List[i64]]()
    solve(6, List[i64](), six)
    for col in six[0]:
        var line = ""
        for c in range(6):
            line += "Q" if c == col else "."
        print(line)

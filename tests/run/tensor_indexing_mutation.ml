# Covers: tensor element assignment t[i] = v and t[i, j] = v, augmented t[i, j] += v, tensors are references (an alias sees writes), copy() is independent, for over a 1-d tensor
# Exit: 0
# Python: no
from tensor import zeros

fn fill_diagonal(t: Tensor[i64], value: i64):
    for i in range(t.size(0)):
        t[i, i] = value

fn main():
    var z = zeros[f64]([3])
    z[1] = 5.0
    z[2] = -2.0
    print(z.max(), z.min(), z.mean(), z.sum())
    let alias = z
    alias[0] = 10.0
    let snapshot = z.copy()
    z[0] = 0.25
    print(z[0], alias[0], snapshot[0])
    var total = 0.0
    for x in z:
        total += x
    print(total)
    let grid = zeros[i64]([3, 3])
    fill_diagonal(grid, 4)
    grid[0, 2] += 7
    grid[2, 0] -= 1
    print(grid.sum(), grid[0, 0], grid[0, 2], grid[2, 0], grid[1, 2])

# Covers: the @ matrix product of 2-d tensors (f64 and f32), shapes of the result, matrix times identity
# Exit: 0
# Python: no
from tensor import zeros, arange

fn main():
    let a = arange[f64](6.0).reshape([2, 3])
    let b = arange[f64](6.0).reshape([3, 2])
    let c = a @ b
    print(c.shape, c[0, 0], c[0, 1], c[1, 0], c[1, 1], c.sum())
    var identity = zeros[f32]([3, 3])
    for i in range(3):
        identity[i, i] = 1.0
    let m = arange[f32](9.0).reshape([3, 3])
    let same = m @ identity
    var equal = True
    for i in range(3):
        for j in range(3):
            if same[i, j] != m[i, j]:
                equal = False
    print(same.shape, equal, same.sum())
    let outer = arange[f64](3.0).reshape([3, 1]) @ arange[f64](2.0).reshape([1, 2])
    print(outer.shape, outer[2, 1], outer.sum())

# Covers: tensor module zeros ones full arange with explicit and inferred element types; shape, ndim, size(d), numel, element reads, sum, the sum built-in over a tensor
# Exit: 0
# Python: no
from tensor import zeros, ones, full, arange

fn main():
    let z = zeros[f64]([2, 3])
    print(z.shape, z.ndim, z.size(0), z.size(1), z.numel(), z.sum(), z[1, 2])
    let o = ones[f32]([4])
    print(o.shape, o.ndim, o.numel(), o.sum(), o[3])
    let f = full[i64]([2, 2], 7)
    print(f.shape, f.sum(), f[0, 1])
    let r = arange[i64](5)
    print(r.shape, r.sum(), r[0], r[4])
    let rf = arange[f64](4.0)
    print(rf.sum(), rf[3])
    let cube = ones[i32]([2, 3, 4])
    print(cube.shape, cube.ndim, cube.numel(), cube.sum(), cube.size(2))
    let inferred: Tensor[f64] = full([3], 0.5)
    print(inferred.sum(), inferred.max(), inferred.min(), inferred.mean())
    print(sum(r), sum(full[f64]([4], 0.5)))

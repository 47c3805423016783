# Covers: tensor + - * / between tensors and with scalars of the element type, broadcasting a row over a matrix, reshape, abs of a tensor, integer tensors (/ gives Tensor[f64])
# Exit: 0
# Python: no
from tensor import ones, full, arange

fn main():
    let a = arange[f64](6.0).reshape([2, 3])
    let b = full[f64]([2, 3], 2.0)
    let sum_ab = a + b
    let diff = a - b
    let prod = a * b
    let quot = a / b
    print(sum_ab[1, 2], diff[0, 0], prod[1, 1], quot[0, 1])
    print(sum_ab.sum(), diff.sum(), prod.sum(), quot.sum())
    let scaled = a * 2.0 + 1.0
    print(scaled.shape, scaled[0, 0], scaled[1, 2], scaled.sum())
    let row = arange[f64](3.0)
    let broadcast = a + row
    print(broadcast.shape, broadcast[0, 2], broadcast[1, 2], broadcast.sum())
    let negatives = a - 3.0
    print(abs(negatives).sum(), negatives.min(), negatives.max())
    let ints = arange[i64](4)
    let tripled = ints * 3
    let ratios = ints / full[i64]([4], 2)
    print(tripled[3], tripled.sum(), ratios[3], ratios.sum())

# Covers: views of non-contiguous arrays (transposed, sliced with a step, negative strides) keep numpy's strides
# Exit: 0
from python import numpy as np

fn main():
    let a = np.arange(12, dtype=np.float64).reshape(3, 4)
    let t = Tensor[f64](a.T)
    print(t.shape, t[3, 0], t[0, 2])
    let s = Tensor[f64](a[::2, 1::2])
    print(s)
    let b = np.arange(4.0)
    let r = Tensor[f64](b[::-1])
    print(r, r[0])
    r[0] = 30.0
    print(b)

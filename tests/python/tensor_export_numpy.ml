# Covers: a native tensor handed to Python supports the buffer protocol: numpy.asarray views it
# Exit: 0
from python import numpy as np
from tensor import zeros

fn main():
    var z = zeros[f64]([2, 3])
    let a = np.asarray(z)
    a[1, 1] = 5.0
    print(z[1, 1], a.dtype, a.shape)
    z[0, 2] = 9.0
    print(a)
    let f = zeros[f32]([4])
    print(np.asarray(f).dtype, np.shares_memory(np.asarray(f), np.asarray(f)))

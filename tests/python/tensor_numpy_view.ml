# Covers: Tensor[T](numpy array) is a view: writes on either side are seen on the other
# Exit: 0
from python import numpy as np

fn main():
    let arr = np.linspace(0.0, 1.0, 5)
    let view = Tensor[f64](arr)
    view[0] = 42.0
    print(arr[0], view.shape, view.sum())
    arr[4] = -1.0
    print(view[4])
    let m = np.arange(6, dtype=np.float32).reshape(2, 3)
    let t = Tensor[f32](m)
    t[1, 2] = 100.0
    print(m, t[0, 1])

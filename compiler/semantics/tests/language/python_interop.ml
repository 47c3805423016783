from python import torch
from python import numpy as np

fn main():
    let t = torch.arange(12).reshape(3, 4)        # PyObject: every use is dynamic
    let s = t.sum(dim=1)                          # keyword arguments
    print(t.shape, s.tolist())
    let total: i64 = i64(t.sum().item())          # PyObject -> native: explicit cast
    let arr = np.linspace(0.0, 1.0, 5)
    let view = Tensor[f64](arr)                   # zero-copy view of the numpy buffer
    view[0] = 42.0                                # ... so numpy sees the write
    print(arr[0])                                 # 42.0
    let back = torch.from_dlpack(view)            # native tensor -> Python, zero-copy
    print(f64(back.sum().item()))
    try:
        let bad = torch.zeros(-1)
    except e:
        print("caught:", e)

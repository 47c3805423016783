# Covers: lifetimes across the boundary: a view keeps the Python memory alive after the Python name is gone, an exported tensor keeps native memory alive
# Exit: 0
from python import numpy as np
from python import torch
from tensor import arange

fn view_of_temporary() -> Tensor[f64]:
    # The array exists only here; the view keeps its buffer.
    return Tensor[f64](np.full(3, 2.5))

fn exported() -> PyObject:
    # The native tensor's only reference goes to Python.
    return torch.from_dlpack(arange[f64](3))

fn main():
    let v = view_of_temporary()
    print(v, v.sum())
    let e = exported()
    print(e, f64(e.sum().item()))
    var views = List[Tensor[f64]]()
    for i in range(3):
        views.append(Tensor[f64](np.ones(2) * f64(i)))
    print(views[2])

# Covers: a dtype or device mismatch, a read-only array and a non-tensor raise errors that name both sides
# Exit: 0
from python import numpy as np
from python import builtins
from python import interop_helpers as h

fn main():
    try:
        let t = Tensor[f32](np.zeros(3))
    except e:
        print(e)
    try:
        let t = Tensor[i64](builtins.list([1, 2]))
    except e:
        print(e)
    try:
        let ro = np.zeros(2)
        ro.setflags(write=False)
        let t = Tensor[f64](ro)
    except e:
        print(e)
    try:
        let t = Tensor[f32](h.CudaTensorStandIn())
    except e:
        print(e)

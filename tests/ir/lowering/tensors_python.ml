# RUN: mlc build %s --emit ir-raw | filecheck %s
# Tensor expressions stay whole-tensor ops until the passes; Python values are `py` ops.

from python import numpy as np
from tensor import rand, ones

fn main():
    let a = rand[f32]([4, 4], seed=1)
    let b = ones[f32]([4, 4])
    let c = a * 2.0 + b
    print(c.sum(), a.size(0))
    let arr = np.linspace(0.0, 1.0, num=5)
    print(arr[0], len(arr))

# CHECK: tensor.random {{.*}}distribution = "uniform"
# CHECK: tensor.ones
# CHECK: tensor.binary {{.*}}kind = "mul"
# CHECK: tensor.binary {{.*}}kind = "add"
# CHECK: tensor.reduce {{.*}}kind = "sum"
# CHECK: tensor.dim
# CHECK: py.import {module = "numpy"}
# CHECK: py.getattr %{{[0-9]+}} {name = "linspace"}
# CHECK: py.call {{.*}}keywords = ["num"]
# CHECK: py.getitem
# CHECK: py.len

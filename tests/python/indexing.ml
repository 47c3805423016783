# Covers: indexing and item assignment on Python lists, dicts and numpy arrays, negative indices
# Exit: 0
from python import builtins
from python import numpy as np

fn main():
    let xs = builtins.list([10, 20, 30])
    print(xs[0], xs[-1])
    xs[1] = 25
    print(xs)
    let d = builtins.dict(a=1)
    d["b"] = 2
    print(d["a"] + d["b"], d)
    let a = np.zeros(4)
    a[2] = 7.5
    print(a, a[2])

# Covers: comparisons of Python objects: elementwise results, chains, in / not in, is / is not, conditions
# Exit: 0
from python import builtins
from python import numpy as np

fn main():
    let a = builtins.int(3)
    print(a < 4, a == 3, a != 3, a >= 5, 1 < a < 5, 1 < a < 2)
    let xs = builtins.list([1, 2, 3])
    print(2 in xs, 5 in xs, 5 not in xs)
    let none = xs.sort()
    print(none is None, none is not None, xs is xs)
    let v = np.arange(5)
    print(v > 2, (v > 2).sum())
    if a > 2:
        print("a > 2")

# Covers: slices of Python objects: start, stop, step, negative and omitted bounds
# Exit: 0
from python import builtins

fn main():
    let xs = builtins.list(builtins.range(10))
    print(xs[2:5], xs[:3], xs[7:], xs[::3], xs[::-1], xs[-3:-1])
    let s = builtins.str("abcdef")
    print(s[1:4], s[::-2])

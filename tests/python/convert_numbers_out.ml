# Covers: explicit casts of Python objects to native numbers and bool: i64, i32, u8, u64, f64, f32, bool
# Exit: 0
from python import builtins
from python import numpy as np

fn main():
    let n = builtins.int(300)
    print(i64(n), i32(n), u64(n), f64(n), bool(n))
    print(f64(np.float64(2.5)), f32(builtins.float(0.1)), i64(np.int32(-7)))
    print(i64(builtins.float(3.9)), i64(builtins.str("12")), f64(builtins.str("1e3")))
    print(bool(builtins.list()), bool(builtins.str("x")))
    let sum: i64 = i64(np.arange(10).sum())
    print(sum + 1)

# Covers: print and f-strings of Python objects (str(), and format specs through __format__)
# Exit: 0
from python import builtins
from python import math

fn main():
    let x = builtins.float(2.0) / 3
    let mixed = builtins.list([1])
    mixed.append("a")
    print(x, [1, 2], mixed)
    print(f"x={x} pi={math.pi:.3f} n={builtins.int(42):>6} s={builtins.str('a'):*^5}")
    print(f"{builtins.int(255):x} {builtins.int(1000000):,}")
    print(str(builtins.tuple([1, 2])), builtins.repr("q"))

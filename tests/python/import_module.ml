# Covers: from python import M (a standard-library module), module attributes and functions
# Exit: 0
from python import math
from python import os

fn main():
    print(math.pi, math.sqrt(2.0), math.floor(2.7))
    print(math.gcd(12, 18), math.inf > 1e308)
    print(os.path.basename("/a/b/c.txt"), os.path.join("x", "y"))
    print(os.sep)

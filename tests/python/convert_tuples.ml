# Covers: native tuples passed to Python become Python tuples, nested
# Exit: 0
from python import interop_helpers as h
from python import builtins

fn main():
    let t = (1, 2.5, "three", True)
    print(h.describe(t))
    print(h.describe((1, (2, 3))), builtins.len((7, 8)))

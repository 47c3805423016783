# Covers: output written by Python and by mlc appears in the order it was written
# Exit: 0
from python import interop_helpers as h
from python import builtins

fn main():
    print("mlc 1")
    h.shout("python 1")
    print("mlc 2", end=" ")
    builtins.print("python 2")
    print("mlc 3")

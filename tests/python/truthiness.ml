# Covers: truthiness of Python objects in if, while, not, and / or
# Exit: 0
from python import builtins

fn main():
    let empty = builtins.list()
    let full = builtins.list([0])
    if empty:
        print("empty is true")
    else:
        print("empty is false")
    print(not empty, not full, bool(full), bool(builtins.int(0)))
    var xs = builtins.list([1, 2, 3])
    while xs:
        print(xs.pop(), end=" ")
    print()
    print(empty or full, full and empty)

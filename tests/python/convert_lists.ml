# Covers: List[T] to a Python list (a copy), and List[T](o) back, nested lists
# Exit: 0
from python import interop_helpers as h
from python import builtins

fn main():
    var xs = List[i64]()
    for i in range(4):
        xs.append(i * i)
    print(h.describe(xs), h.total(xs))
    let names = ["a", "b"]
    print(h.describe(names))
    let back = List[i64](builtins.list(builtins.range(3)))
    print(back, len(back))
    let floats = List[f64](builtins.map(builtins.float, [1, 2]))
    print(floats)
    let nested = List[List[i64]](builtins.list([[1, 2], [3]]))
    print(nested)

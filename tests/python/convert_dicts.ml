# Covers: Dict[K, V] to a Python dict (a copy), and Dict[K, V](o) back
# Exit: 0
from python import interop_helpers as h
from python import builtins

fn main():
    var d = Dict[str, i64]()
    d["one"] = 1
    d["two"] = 2
    print(h.describe(d))
    let back = Dict[str, f64](builtins.dict(x=1.5, y=2))
    print(back, back["y"])
    let nested = Dict[str, List[i64]](builtins.dict(a=[1, 2]))
    print(nested)

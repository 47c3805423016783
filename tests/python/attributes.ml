# Covers: attribute get and set on Python objects, nested attributes
# Exit: 0
from python import types

fn main():
    let ns = types.SimpleNamespace()
    ns.x = 1
    ns.name = "point"
    ns.inner = types.SimpleNamespace(y=2.5)
    ns.inner.y = ns.inner.y * 2
    print(ns.x, ns.name, ns.inner.y)
    print(ns)

# Covers: a Python exception caught with try/except: type and message; code after the try runs
# Exit: 0
from python import builtins
from python import interop_helpers as h

fn main():
    try:
        let d = builtins.dict()
        print(d["missing"])
    except e:
        print("caught:", e)
    try:
        h.fail("bad value")
    except e:
        print("caught:", e.message)
    try:
        let x = builtins.int(1) / 0
    except:
        print("division failed")
    print("after")

# Covers: len() and for x in obj over lists, dicts, generators and strings
# Exit: 0
from python import builtins
from python import interop_helpers as h

fn main():
    let d = builtins.dict(a=1, b=2)
    print(len(d), len(builtins.range(7)), len("native"))
    for key in d:
        print(key, d[key])
    var total = 0
    for x in h.squares(5):
        total += i64(x)
    print(total)
    for c in builtins.str("hey"):
        print(c, end=".")
    print()

# Covers: many calls into Python in a loop: every object released (the leak check at exit)
# Exit: 0
from python import interop_helpers as h

fn main():
    var total = 0
    for i in range(20000):
        total += i64(h.add(i, 1))
    print(total, i64(h.calls))

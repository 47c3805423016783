# Covers: instances of a user's Python class: construction, methods, attribute get and set, len, repr
# Exit: 0
from python import interop_helpers as h

fn main():
    let c = h.Counter(5)
    c.bump()
    c.bump(by=10).bump(2)
    print(c, c.count, len(c), c.label)
    c.label = "renamed"
    c.count = c.count * 2
    print(c.label, c)

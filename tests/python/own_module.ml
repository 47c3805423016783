# Covers: a user's own .py module next to the source file: functions, defaults, keywords, module globals
# Exit: 0
from python import interop_helpers as h

fn main():
    print(h.add(2, 3), h.add("a", "b"), h.add(1.5, 2))
    print(h.greet("mlc"), h.greet("mlc", "?"), h.greet("mlc", loud=True))
    print(h.calls)
    print(h.describe(3), h.describe("x"), h.describe(True), h.describe(2.5))

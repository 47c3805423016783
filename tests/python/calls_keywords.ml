# Covers: calls with positional and keyword arguments, keyword-only parameters, builtins
# Exit: 0
from python import builtins

fn main():
    let xs = builtins.list([5, 3, 9, 1])
    print(builtins.sorted(xs), builtins.sorted(xs, reverse=True))
    print(builtins.max(xs), builtins.min(3, 7), builtins.sum(xs, 100))
    print(builtins.round(2.567, ndigits=2), builtins.pow(2, 10), builtins.divmod(17, 5))
    print(builtins.sorted(["bb", "a", "ccc"], key=builtins.len))
    let text = builtins.str.join("-", ["a", "b", "c"])
    print(text, builtins.int("ff", base=16))

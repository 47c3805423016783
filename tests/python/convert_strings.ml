# Covers: str passed to Python and back, unicode, str(o) of any object
# Exit: 0
from python import builtins

fn main():
    let s = builtins.str("héllo wörld")
    print(s.upper(), len(s))
    let native: str = str(s.title())
    print(native + "!", len(native))
    print(str(builtins.list([1, 2])), str(builtins.None))

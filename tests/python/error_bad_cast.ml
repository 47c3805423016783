# Covers: bad casts of Python objects: not a number, a value too large for the native type, a wrong-length tuple
# Exit: 0
from python import builtins

fn main():
    try:
        print(f64(builtins.list()))
    except e:
        print(e)
    try:
        print(u8(builtins.int(256)))
    except e:
        print(e)
    try:
        print(i64(builtins.int(2) ** 70))
    except e:
        print(e)
    try:
        let mixed = builtins.list([1])
        mixed.append("x")
        print(List[i64](mixed))
    except e:
        print(e)

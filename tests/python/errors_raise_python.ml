# Covers: raise of a Python exception object (instance and class), caught like any error
# Exit: 0
from python import builtins

fn main():
    try:
        raise builtins.ValueError("from mlc")
    except e:
        print(e)
    try:
        raise builtins.KeyError
    except e:
        print(e)

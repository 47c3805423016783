# Covers: None from and to Python: functions returning None, None arguments, is None
# Exit: 0
from python import builtins

fn main():
    let d = builtins.dict(a=1)
    let missing = d.get("b")
    print(missing, missing is None, d.get("a") is None)
    print(builtins.str(None), builtins.isinstance(None, builtins.object))

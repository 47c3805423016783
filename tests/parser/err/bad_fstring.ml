fn main():
    let a = f"unclosed {x"
    let b = f"empty {}"
    let c = f"single } brace"
    let d = f"bad expr {x +}"
    let e = f"conversion {x!r}"

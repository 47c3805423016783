fn main():
    let a = "bad \q escape"
    let b = "bad unicode \u{110000}"
    let c = "no braces \u1234"

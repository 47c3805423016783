fn main():
    let a = x < y
    let b = 0 <= i < n
    let c = a == b != c
    let d = x in xs
    let e = x not in xs
    let f = x is None
    let g = x is not None
    let h = a < b <= c > d >= e
    let i = not x in y

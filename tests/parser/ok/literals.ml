fn main():
    let a = 42
    let b = 1_000_000
    let c = 0xff
    let d = 0b1010
    let e = 0o17
    let f = 3.14
    let g = 1e-9
    let h = 2.5e3
    let i = 1.
    let j = .5
    let k = True
    let l = False
    let m = None
    let n = 18446744073709551615

fn main():
    let x = 1
    var y: f64 = 2.0
    let (a, b) = pair
    let (a, (b, c)) = nested
    var p, q = 1, 2
    let pair = 3, 4.5
    let (single,) = one
    let (z) = 5

fn main():
    let a = f"x={x} y={y:.3f}"
    let b = f'plain'
    let c = f"{{literal}} {value}"
    let d = f"{a + b * 2:>8}"
    let e = f"{xs[0]}, {d['k']}, {f(1, 2)}"
    let g = f"tab\tnew\n{x}"
    let h = F"{ x }"

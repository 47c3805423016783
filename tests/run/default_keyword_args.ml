# Covers: default parameter values, keyword arguments in any order, mixing positional and keyword, struct constructors with keywords
# Exit: 0

fn greet(name: str, punct: str = "!") -> str:
    return f"hello, {name}{punct}"

fn box(width: i64, height: i64 = 1, fill: str = "#", border: bool = False) -> str:
    var line = ""
    for i in range(width):
        line += fill
    if border:
        line = "|" + line + "|"
    return f"{line} x{height}"

fn scale(x: f64, factor: f64 = 2.0, offset: f64 = 0.0) -> f64:
    return x * factor + offset

fn main():
    print(greet("mlc"), greet("world", "?"), greet("kw", punct="."))
    print(greet(punct=";", name="both"))
    print(box(3))
    print(box(2, 4))
    print(box(4, fill="*"))
    print(box(2, border=True, fill="="))
    print(box(height=3, width=1))
    print(scale(1.5), scale(1.5, 3.0), scale(1.5, offset=0.25), scale(x=2.0, factor=0.5))

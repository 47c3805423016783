extern const pi: f64
extern const e: f64
extern fn sqrt(x: f64) -> f64
extern fn abs[T: Numeric](x: T) -> T
extern fn print_line(text: str)
@inline
extern fn fma(a: f64, b: f64, c: f64) -> f64

# The `math` module: constants and elementary functions.
# Every function is generic over `Float`, so it works on f32 inside `@kernel`s as well as on
# f64 on the host. The bodies are built into the compiler.

extern const pi: f64
extern const e: f64
extern const tau: f64
extern const inf: f64
extern const nan: f64

extern fn sqrt[T: Float](x: T) -> T
extern fn exp[T: Float](x: T) -> T
extern fn log[T: Float](x: T) -> T
extern fn log2[T: Float](x: T) -> T
extern fn log10[T: Float](x: T) -> T
extern fn sin[T: Float](x: T) -> T
extern fn cos[T: Float](x: T) -> T
extern fn tan[T: Float](x: T) -> T
extern fn asin[T: Float](x: T) -> T
extern fn acos[T: Float](x: T) -> T
extern fn atan[T: Float](x: T) -> T
extern fn atan2[T: Float](y: T, x: T) -> T
extern fn sinh[T: Float](x: T) -> T
extern fn cosh[T: Float](x: T) -> T
extern fn tanh[T: Float](x: T) -> T
extern fn pow[T: Float](x: T, y: T) -> T
extern fn floor[T: Float](x: T) -> T
extern fn ceil[T: Float](x: T) -> T
extern fn fabs[T: Float](x: T) -> T
extern fn fmod[T: Float](x: T, y: T) -> T
extern fn erf[T: Float](x: T) -> T
extern fn isnan[T: Float](x: T) -> bool
extern fn isinf[T: Float](x: T) -> bool

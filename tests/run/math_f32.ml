# Covers: math functions instantiated at f32 (generic over Float), with results exactly representable in f32
# Exit: 0
# Python: no
import math

fn main():
    let x: f32 = 2.25
    print(math.sqrt(x), math.floor(-x), math.ceil(x), math.fabs(-x))
    print(math.pow(x, f32(2)), math.fmod(x, f32(1)), math.exp(f32(0)), math.log(f32(1)))
    print(math.isnan(x), math.isinf(x * f32(1e38) * f32(10)))
    let y: f32 = math.sqrt(f32(16))
    print(y, y * y)

# Covers: native numbers and bools passed to Python keep their values (i8..u64, f32, f64, bool)
# Exit: 0
from python import interop_helpers as h

fn main():
    let a: i8 = -5
    let b: u64 = 18446744073709551615
    let c: f32 = 1.5
    let d: u8 = 200
    print(h.describe(a), h.describe(b), h.describe(c), h.describe(d))
    print(h.describe(True), h.describe(0.1), h.describe(-9223372036854775807 - 1))

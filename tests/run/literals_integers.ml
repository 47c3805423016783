# Covers: integer literals: decimal, underscores, hex, binary, octal, negative, i64 bounds
# Exit: 0

fn main():
    print(42, 0, -7)
    print(1_000_000, 1_0_0)
    print(0xff, 0xFF, 0x7fff_ffff)
    print(0b1010, 0b1111_0000)
    print(0o17, 0o777)
    let big = 9_223_372_036_854_775_807
    print(big)
    let small = -9_223_372_036_854_775_807 - 1
    print(small)
    print(0x10 + 0b10 + 0o10 + 10)
    let x: i64 = 0
    print(x == 0, -x)

# Covers: & | ^ ~ << >> on i64 (negative values too), precedence among bit operators
# Exit: 0

fn main():
    let a = 0b1100
    let b = 0b1010
    print(a & b, a | b, a ^ b, ~a)
    print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10, ~0, ~-1)
    print(-6 & 7, -6 | 1, -6 ^ -1)
    print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3)
    print(1 + 2 << 3, 1 << 2 + 3)
    print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xaa)
    print(True & False, True | False, True ^ True)
    var flags = 0
    for bit in [0, 3, 5]:
        flags |= 1 << bit
    print(flags)
    var count = 0
    var n = flags
    while n != 0:
        count += n & 1
        n >>= 1
    print(count)

# Covers: // and % floor like Python on negative integers and floats; divmod identity
# Exit: 0

fn main():
    print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
    print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
    print(0 // 5, 0 % 5, -1 // 10, -1 % 10)
    print(7.5 // 2.0, -7.5 // 2.0, 7.5 % 2.0, -7.5 % 2.0)
    print(-1.0 % 3.0, 1.0 % -3.0)
    for a in range(-4, 5, 3):
        for b in [3, -3]:
            let q = a // b
            let r = a % b
            print(a, b, q, r, q * b + r == a)

# Covers: every augmented assignment: += -= *= /= //= %= **= &= |= ^= <<= >>=, on names, fields and list elements
# Exit: 0

struct Counter:
    value: i64
    total: f64

fn main():
    var n = 10
    n += 5
    print(n)
    n -= 3
    print(n)
    n *= 4
    print(n)
    n //= 5
    print(n)
    n %= 4
    print(n)
    n **= 3
    print(n)
    n &= 6
    print(n)
    n |= 9
    print(n)
    n ^= 5
    print(n)
    n <<= 3
    print(n)
    n >>= 2
    print(n)
    var x = 7.0
    x /= 2.0
    x -= 0.5
    x *= 3.0
    print(x)
    var s = "ab"
    s += "cd"
    print(s)
    var xs = [1, 2, 3]
    xs[1] += 40
    xs[2] *= 3
    xs += [9]
    print(xs)
    var c = Counter(1, 0.5)
    c.value += 9
    c.total *= 4.0
    print(c)

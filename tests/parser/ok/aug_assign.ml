fn main():
    x += 1
    x -= 1
    x *= 2
    x /= 2
    x //= 2
    x %= 2
    x **= 2
    x &= 1
    x |= 1
    x ^= 1
    x <<= 1
    x >>= 1
    xs[i].f += v
    self.total += a.b

fn main():
    x = 1
    a.b.c = v
    xs[i] = v
    xs[i].f = v
    t[i, j] = v
    a, b = b, a
    (a, b) = (b, a)
    m[k][j] = v
    f().x = 3
    self.items[n - 1].value = 0

fn main():
    f() = 3
    1 = x
    a + b = c
    x == y = z
    (a, f()) = t
    a, b += 1
    f() += 1

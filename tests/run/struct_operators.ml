# Covers: operator methods __add__ __sub__ __mul__ __truediv__ __neg__ __eq__ on a struct; != through __eq__
# Exit: 0

struct Vec2:
    x: f64
    y: f64

    fn __add__(self, o: Vec2) -> Vec2:
        return Vec2(self.x + o.x, self.y + o.y)

    fn __sub__(self, o: Vec2) -> Vec2:
        return Vec2(self.x - o.x, self.y - o.y)

    fn __mul__(self, k: f64) -> Vec2:
        return Vec2(self.x * k, self.y * k)

    fn __truediv__(self, k: f64) -> Vec2:
        return Vec2(self.x / k, self.y / k)

    fn __neg__(self) -> Vec2:
        return Vec2(-self.x, -self.y)

    fn __eq__(self, o: Vec2) -> bool:
        return self.x == o.x and self.y == o.y

fn main():
    let a = Vec2(1.0, 2.0)
    let b = Vec2(0.5, -1.5)
    print(a + b)
    print(a - b)
    print(a * 3.0)
    print(a / 4.0)
    print(-a)
    print(a == Vec2(1.0, 2.0), a == b, a != b)
    print((a + b) * 2.0 - a)
    var acc = Vec2(0.0, 0.0)
    for i in range(4):
        acc = acc + Vec2(1.0, f64(i))
    print(acc)
    acc += Vec2(0.5, 0.5)
    print(acc)

# Covers: struct definition, positional and keyword construction, field defaults, field access, methods with self, printing a struct
# Exit: 0

struct Point:
    x: f64
    y: f64

    fn norm_squared(self) -> f64:
        return self.x * self.x + self.y * self.y

    fn shifted(self, dx: f64, dy: f64) -> Point:
        return Point(self.x + dx, self.y + dy)

struct Config:
    name: str
    size: i64 = 8
    ratio: f64 = 0.5

fn main():
    let p = Point(3.0, 4.0)
    let q = Point(y=1.0, x=2.0)
    print(p.x, p.y, q.x, q.y)
    print(p.norm_squared(), q.shifted(1.0, -1.0).norm_squared())
    print(p)
    print(p.shifted(0.5, 0.5))
    let c = Config("small")
    let d = Config("big", 64)
    let e = Config("custom", ratio=0.25)
    print(c.name, c.size, c.ratio)
    print(d.name, d.size, d.ratio)
    print(e.name, e.size, e.ratio)

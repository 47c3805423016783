struct Point:
    x: f64
    y: f64
    x: f64

fn norm2(p: Point) -> f64:
    return p.x * p.x + p.y * p.y

fn main():
    print(norm2(Point(3.0, 4.0)))

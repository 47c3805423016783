struct Point:
    x: f64
    y: f64

fn main():
    let p = Point(1.0)
    print(p.x)

struct Point:
    x: f64
    y: f64

fn main():
    let a = Point(1.0, 2.0)
    let b = Point(1.0, 2.0)
    if a == b:
        print("same point")

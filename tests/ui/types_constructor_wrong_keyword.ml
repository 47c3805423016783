struct Vec3:
    x: f64
    y: f64
    z: f64

fn main():
    let v = Vec3(x=1.0, y=2.0, w=3.0)
    print(v)

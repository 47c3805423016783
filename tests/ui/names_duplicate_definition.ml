fn area(r: f64) -> f64:
    return 3.14 * r * r

fn area(w: f64, h: f64) -> f64:
    return w * h

fn main():
    print(area(2.0))

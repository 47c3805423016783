fn scale(x: f64 factor: f64) -> f64:
    let scaled = x * factor
    return scaled

fn main():
    print(scale(2.0, 3.0))
    print(scale(x=1.0, factor=2.0))

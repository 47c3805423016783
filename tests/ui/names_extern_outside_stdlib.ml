extern fn fast_sqrt(x: f64) -> f64

fn main():
    print(fast_sqrt(2.0))

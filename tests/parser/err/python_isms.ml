def add(a, b):
    return a + b

class Point:
    x: f64

fn main():
    with open(p) as f:
        pass
    let ok = 1

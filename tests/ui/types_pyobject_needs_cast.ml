from python import math as pymath

fn main():
    let root: f64 = pymath.sqrt(2.0)
    print(root)

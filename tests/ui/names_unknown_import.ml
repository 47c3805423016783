from math import sqrt, squareroot

fn main():
    print(sqrt(2.0))

from math import sqrt,

fn main():
    print(sqrt(2.0))

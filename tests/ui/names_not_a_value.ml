import math

fn main():
    let m = math
    print(m)

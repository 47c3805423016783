import numpy

fn main():
    print(numpy.zeros(3))

from python import torch            # a Python module; the name is a PyObject
from python import numpy as np
import math                          # a module of the standard library
from math import sqrt, pi

const N: i64 = 1024

struct Vec3:
    x: f64
    y: f64
    z: f64

    fn dot(self, o: Vec3) -> f64:
        return self.x * o.x + self.y * o.y + self.z * o.z

    fn __add__(self, o: Vec3) -> Vec3:
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    fn scale(mut self, k: f64):      # `mut self` may change fields of a `var`
        self.x *= k
        self.y *= k
        self.z *= k

fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:   # generic, compiled once per T used
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn greet(name: str, punct: str = "!") -> str:
    return f"hello, {name}{punct}"

fn main():
    let v = Vec3(1.0, 2.0, 3.0)      # `let` binds once
    var w = Vec3(x=0.5, y=0.5, z=0.5)  # `var` can be reassigned and mutated
    w.scale(2.0)
    var total = 0
    for i in range(10):              # range(stop), range(start, stop), range(start, stop, step)
        if i % 2 == 0:
            continue
        total += i
    while total > 100:
        total -= 7
    var xs = List[f64]()
    xs.append(1.5)
    for i, x in enumerate(xs):
        print(i, x)
    var counts = Dict[str, i64]()
    counts["a"] = counts.get("a", 0) + 1
    let pair = (3, 4.5)
    let (a, b) = pair
    print(fib(20), v.dot(w), (v + w).x, total, clamp(15, 0, 10), greet("mlc"))
    print(len(xs), xs[0], counts["a"], a, b)
    pass

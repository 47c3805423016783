# mode: lib
from tensor import zeros

struct Particle:
    mass: f32

fn reset(xs: List[f32], ps: List[Particle]) -> f32:
    var z = zeros[f32]([3])
    z[1] = 5.0
    xs[0] = 2.5
    xs[0] += 1.0
    ps[0].mass = 0.5
    return (1.0 + 2.0) * xs[0]

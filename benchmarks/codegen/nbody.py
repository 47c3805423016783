# nbody: the Benchmarks Game n-body simulation (symplectic Euler over the Sun and the four
# Jovian planets), printing the total energy before and after N steps of dt = 0.01 with 9
# decimals. N from argv[1] (default 1000). The arithmetic is written in the same order as
# nbody.c and nbody.ml, so the three print the same digits. Like the Benchmarks Game's
# Python program it keeps each body as [position list, velocity list, mass] and loops over
# precomputed pairs.
import sys
from math import pi, sqrt

SOLAR_MASS = 4.0 * pi * pi
DAYS_PER_YEAR = 365.24


def planet(x, y, z, vx, vy, vz, mass):
    return ([x, y, z], [vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR],
            mass * SOLAR_MASS)


def solar_system():
    return [
        ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
        planet(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
               1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
               9.54791938424326609e-04),
        planet(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
               -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
               2.85885980666130812e-04),
        planet(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
               2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
               4.36624404335156298e-05),
        planet(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
               2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
               5.15138902046611451e-05),
    ]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _, (vx, vy, vz), m in bodies:
        px += vx * m
        py += vy * m
        pz += vz * m
    v = bodies[0][1]
    v[0] = -px / SOLAR_MASS
    v[1] = -py / SOLAR_MASS
    v[2] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    for i, ((x1, y1, z1), (vx, vy, vz), m1) in enumerate(bodies):
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for (x2, y2, z2), _, m2 in bodies[i + 1:]:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            e -= m1 * m2 / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for ((r1, v1, m1), (r2, v2, m2)) in pairs:
            dx = r1[0] - r2[0]
            dy = r1[1] - r2[1]
            dz = r1[2] - r2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            mi = m1 * mag
            mj = m2 * mag
            v1[0] -= dx * mj
            v1[1] -= dy * mj
            v1[2] -= dz * mj
            v2[0] += dx * mi
            v2[1] += dy * mi
            v2[2] += dz * mi
        for r, (vx, vy, vz), _ in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    bodies = solar_system()
    pairs = [(bodies[i], bodies[j])
             for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    print(f"{energy(bodies):.9f}")
    advance(bodies, pairs, 0.01, steps)
    print(f"{energy(bodies):.9f}")


main()

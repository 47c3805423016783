# The Benchmarks Game n-body: a symplectic-Euler simulation of the Jovian planets orbiting
# the Sun, printing the system's total energy before and after the run.
#
# Shows: a struct with a `mut self` method, a List of structs updated in place through
# places (`bodies[i].vx -= ...`) and by copy-modify-store, module constants computed from
# `math.pi`, f-string float formatting, argv() with a default.
#
#   mlc run examples/nbody.ml               # 1000 steps (expected output: nbody.out)
#   mlc run examples/nbody.ml 50000000      # the benchmark size
#   mlc build examples/nbody.ml -o nbody && ./nbody 50000000
import math

const SOLAR_MASS: f64 = 4.0 * math.pi * math.pi
const DAYS_PER_YEAR: f64 = 365.24

struct Body:
    x: f64
    y: f64
    z: f64
    vx: f64
    vy: f64
    vz: f64
    mass: f64

    fn move(mut self, dt: f64):
        self.x += dt * self.vx
        self.y += dt * self.vy
        self.z += dt * self.vz

# A body from the standard table: velocities in AU/day and masses in solar masses.
fn planet(x: f64, y: f64, z: f64, vx: f64, vy: f64, vz: f64, mass: f64) -> Body:
    return Body(x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR,
                mass * SOLAR_MASS)

fn solar_system() -> List[Body]:
    let sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS)
    let jupiter = planet(4.84143144246472090e+00, -1.16032004402742839e+00,
                         -1.03622044471123109e-01, 1.66007664274403694e-03,
                         7.69901118419740425e-03, -6.90460016972063023e-05,
                         9.54791938424326609e-04)
    let saturn = planet(8.34336671824457987e+00, 4.12479856412430479e+00,
                        -4.03523417114321381e-01, -2.76742510726862411e-03,
                        4.99852801234917238e-03, 2.30417297573763929e-05,
                        2.85885980666130812e-04)
    let uranus = planet(1.28943695621391310e+01, -1.51111514016986312e+01,
                        -2.23307578892655734e-01, 2.96460137564761618e-03,
                        2.37847173959480950e-03, -2.96589568540237556e-05,
                        4.36624404335156298e-05)
    let neptune = planet(1.53796971148509165e+01, -2.59193146099879641e+01,
                         1.79258772950371181e-01, 2.68067772490389322e-03,
                         1.62824170038242295e-03, -9.51592254519715870e-05,
                         5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]

# Give the Sun the momentum that makes the system's total momentum zero.
fn offset_momentum(bodies: List[Body]):
    var px = 0.0
    var py = 0.0
    var pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    bodies[0].vx = -px / SOLAR_MASS
    bodies[0].vy = -py / SOLAR_MASS
    bodies[0].vz = -pz / SOLAR_MASS

fn energy(bodies: List[Body]) -> f64:
    var e = 0.0
    let n = len(bodies)
    for i in range(n):
        let b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, n):
            let o = bodies[j]
            let dx = b.x - o.x
            let dy = b.y - o.y
            let dz = b.z - o.z
            e -= b.mass * o.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e

fn advance(bodies: List[Body], dt: f64):
    let n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            let dx = bodies[i].x - bodies[j].x
            let dy = bodies[i].y - bodies[j].y
            let dz = bodies[i].z - bodies[j].z
            let d2 = dx * dx + dy * dy + dz * dz
            let mag = dt / (d2 * math.sqrt(d2))
            let mi = bodies[i].mass * mag
            let mj = bodies[j].mass * mag
            bodies[i].vx -= dx * mj          # places: update the struct inside the list
            bodies[i].vy -= dy * mj
            bodies[i].vz -= dz * mj
            bodies[j].vx += dx * mi
            bodies[j].vy += dy * mi
            bodies[j].vz += dz * mi
    for i in range(n):
        var b = bodies[i]                    # a copy: structs are values ...
        b.move(dt)
        bodies[i] = b                        # ... so store it back

fn main():
    let args = argv()
    var steps = 1000
    if len(args) > 1:
        steps = i64(args[1])
    let bodies = solar_system()
    offset_momentum(bodies)
    let before = energy(bodies)
    print(f"{before:.9f}")
    for _ in range(steps):
        advance(bodies, 0.01)
    let after = energy(bodies)
    print(f"{after:.9f}")

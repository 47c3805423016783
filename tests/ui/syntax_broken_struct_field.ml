struct Particle:
    x: f64
    mass = 1.0
    velocity: f64 +

    fn energy(self) -> f64:
        return 0.5 * self.mass * self.velocity * self.velocity

fn main():
    let p = Particle(1.0, 2.0, 3.0)
    let q = Particle(x=0.0)
    print(p.energy() + q.x)

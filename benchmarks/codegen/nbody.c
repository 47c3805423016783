/* nbody: the Benchmarks Game n-body simulation (symplectic Euler over the Sun and the four
 * Jovian planets), printing the total energy before and after N steps of dt = 0.01 with 9
 * decimals. N from argv[1] (default 1000). The arithmetic is written in the same order as
 * nbody.ml and nbody.py, so the three print the same digits. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static struct body planet(double x, double y, double z, double vx, double vy, double vz,
                          double mass) {
    struct body b = {x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR,
                     mass * SOLAR_MASS};
    return b;
}

static void offset_momentum(struct body *bodies) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static double energy(const struct body *bodies) {
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        const struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < NBODIES; j++) {
            const struct body *o = &bodies[j];
            double dx = b->x - o->x;
            double dy = b->y - o->y;
            double dz = b->z - o->z;
            e -= b->mass * o->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(struct body *bodies, double dt) {
    for (int i = 0; i < NBODIES; i++) {
        struct body *b = &bodies[i];
        for (int j = i + 1; j < NBODIES; j++) {
            struct body *o = &bodies[j];
            double dx = b->x - o->x;
            double dy = b->y - o->y;
            double dz = b->z - o->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            double mi = b->mass * mag;
            double mj = o->mass * mag;
            b->vx -= dx * mj;
            b->vy -= dy * mj;
            b->vz -= dz * mj;
            o->vx += dx * mi;
            o->vy += dy * mi;
            o->vz += dz * mi;
        }
    }
    for (int i = 0; i < NBODIES; i++) {
        struct body *b = &bodies[i];
        b->x += dt * b->vx;
        b->y += dt * b->vy;
        b->z += dt * b->vz;
    }
}

int main(int argc, char **argv) {
    int64_t steps = argc > 1 ? strtoll(argv[1], NULL, 10) : 1000;
    struct body bodies[NBODIES] = {
        /* the Sun */
        {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS},
        /* Jupiter, Saturn, Uranus, Neptune */
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
    };
    offset_momentum(bodies);
    printf("%.9f\n", energy(bodies));
    for (int64_t s = 0; s < steps; s++) {
        advance(bodies, 0.01);
    }
    printf("%.9f\n", energy(bodies));
    return 0;
}

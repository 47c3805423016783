# Covers: rand and randn with a seed: shapes, reproducibility for one seed, values of rand in [0, 1), the default seed; no random value is printed
# Exit: 0
# Python: no
from tensor import rand, randn

fn main():
    let a = rand[f32]([64, 32], seed=1)
    let b = rand[f32]([64, 32], seed=1)
    let c = rand[f32]([64, 32], seed=2)
    print(a.shape, a.numel(), a.size(1))
    print(a.sum() == b.sum(), a[5, 7] == b[5, 7], a.sum() != c.sum())
    print(a.min() >= 0.0, a.max() < 1.0)
    let n = randn[f64]([10000], seed=3)
    print(n.shape, abs(n.mean()) < 0.1, n.max() > 1.0, n.min() < -1.0)
    let d = rand[f64]([5])
    let e = rand[f64]([5])
    print(d[4] == e[4], d.sum() == e.sum())

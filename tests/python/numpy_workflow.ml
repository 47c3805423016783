# Covers: a small numpy computation driven from mlc, results cast back to native values
# Exit: 0
from python import numpy as np

fn main():
    let rng = np.random.default_rng(0)
    let x = np.linspace(-1.0, 1.0, 5)
    let y = x ** 2
    print(y, f64(y.mean()), i64(np.argmax(y)))
    let m = np.stack([x, y])
    print(m.shape, m.sum(axis=1))
    let sample = rng.integers(0, 10, size=3)
    print(len(sample))

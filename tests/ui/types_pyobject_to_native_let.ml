from python import numpy as np

fn main():
    let samples = np.random.rand(100)
    let mean: f64 = samples.mean()
    print(mean)

from python import numpy as np
from gpu import thread_idx

@kernel
fn fill(out: Tensor[f64]):
    let i = thread_idx.x
    out[i] = f64(np.pi)

fn main():
    pass

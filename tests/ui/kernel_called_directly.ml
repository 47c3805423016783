from tensor import zeros
from gpu import thread_idx

@kernel
fn fill(out: Tensor[f32], value: f32):
    out[thread_idx.x] = value

fn main():
    let out = zeros[f32]([256])
    fill(out, 1.0)

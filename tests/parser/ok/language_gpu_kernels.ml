from tensor import rand, zeros
from gpu import thread_idx, block_idx, block_dim, barrier, shared_array, synchronize

@kernel
fn saxpy(a: f32, x: Tensor[f32], y: Tensor[f32], out: Tensor[f32]):
    let i = block_idx.x * block_dim.x + thread_idx.x
    if i < x.size(0):
        out[i] = a * x[i] + y[i]

fn main():
    let n = 1 << 20
    let x = rand[f32]([n], seed=1).to_gpu()
    let y = rand[f32]([n], seed=2).to_gpu()
    let out = zeros[f32]([n]).to_gpu()
    saxpy[(n + 255) // 256, 256](2.0, x, y, out)   # kernel[grid, block](args): asynchronous
    synchronize()
    print(out.to_cpu()[7])

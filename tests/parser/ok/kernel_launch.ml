from gpu import thread_idx, block_idx, block_dim, synchronize

fn main():
    let n = 1 << 20
    saxpy[(n + 255) // 256, 256](2.0, x, y, out)
    matmul[(16, 16), (32, 32)](a, b, c)
    synchronize()

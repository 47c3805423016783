@kernel
fn saxpy(a: f32, x: Tensor[f32], y: Tensor[f32], out: Tensor[f32]):
    let i = block_idx.x * block_dim.x + thread_idx.x
    if i < x.size(0):
        out[i] = a * x[i] + y[i]

@inline
fn square(x: f64) -> f64:
    return x * x

@kernel
@inline
fn both():
    pass

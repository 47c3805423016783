from gpu import thread_idx

@kernel
fn scale(xs: List[f32], k: f32):
    let i = thread_idx.x
    xs[i] = xs[i] * k

fn main():
    pass

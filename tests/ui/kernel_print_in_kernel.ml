from gpu import thread_idx

@kernel
fn debug(xs: Tensor[f32]):
    let i = thread_idx.x
    print(i, xs[i])

fn main():
    pass

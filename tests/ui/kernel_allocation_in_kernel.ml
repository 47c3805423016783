from gpu import thread_idx

@kernel
fn collect(out: Tensor[f32]):
    var xs = List[f32]()
    xs.append(1.0)
    out[thread_idx.x] = xs[0]

fn main():
    pass

from gpu import thread_idx

@kernel
fn index_of_thread() -> i64:
    return thread_idx.x

fn main():
    pass

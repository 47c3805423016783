from gpu import thread_idx

fn main():
    print(thread_idx.x)

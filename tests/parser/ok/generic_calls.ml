fn main():
    let a = rand[f32]([1024, 1024], seed=1)
    let xs = List[f64]()
    let d = Dict[str, i64]()
    let v = Tensor[f64](arr)
    let s = shared_array[f32](256)

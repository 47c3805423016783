from tensor import zeros

fn fill(out: Tensor[f32], value: f32):
    for i in range(out.size(0)):
        out[i] = value

fn main():
    let out = zeros[f32]([256])
    fill[1, 256](out, 1.0)

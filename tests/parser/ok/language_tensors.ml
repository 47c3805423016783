from tensor import zeros, ones, arange, rand

fn main():
    let a = rand[f32]([1024, 1024], seed=1)
    let b = ones[f32]([1024, 1024])
    let c = a * 2.0 + b                # elementwise, broadcasting, fused into one loop
    let d = a @ b                      # matrix product
    print(c.shape, d.sum(), c[3, 4], a.size(0), a.numel())
    var z = zeros[f64]([3])
    z[1] = 5.0
    print(z.max(), z.mean())

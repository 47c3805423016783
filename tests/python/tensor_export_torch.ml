# Covers: a native tensor handed to torch.from_dlpack is a view; __dlpack_device__ is the CPU
# Exit: 0
from python import torch
from tensor import ones, arange

fn main():
    let t = ones[f32]([3])
    let back = torch.from_dlpack(t)
    back.add_(1)
    print(t, back.dtype)
    let r = arange[i64](4)
    let tr = torch.from_dlpack(r)
    print(tr * 10, tr.dtype, tr.device)
    print(f64(back.sum().item()))

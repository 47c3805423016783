# Covers: Tensor[T](torch tensor) through DLPack is a view: writes on either side are seen on the other
# Exit: 0
from python import torch

fn main():
    let x = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    let t = Tensor[f32](x)
    t[0, 0] = 7.0
    print(x)
    x.mul_(2)
    print(t[1, 2], t.sum())
    let ints = Tensor[i64](torch.tensor([1, 2, 3]))
    print(ints)

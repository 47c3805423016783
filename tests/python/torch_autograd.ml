# Covers: torch autograd driven from mlc: a gradient step on a tiny linear model
# Exit: 0
from python import torch

fn main():
    torch.manual_seed(0)
    let w = torch.tensor([1.0, -1.0], requires_grad=True)
    let x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    let y = torch.tensor([1.0, 2.0])
    let loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    print(f"loss={f64(loss.item()):.4f} grad={w.grad.tolist()}")
    with_no_grad(w)
    print(w.detach().tolist())

fn with_no_grad(w: PyObject):
    let guard = torch.no_grad()
    guard.__enter__()
    w.sub_(w.grad * 0.1)
    guard.__exit__(None, None, None)

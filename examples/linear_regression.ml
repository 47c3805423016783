# A linear regression trained with torch's autograd, driven from mlc: the data, the model's
# parameters and the optimizer are torch objects; the training loop is native.
from python import torch

fn main():
    torch.manual_seed(0)
    # y = 3x - 2, with a little noise.
    let x = torch.linspace(-1.0, 1.0, 64).reshape(64, 1)
    let y = x * 3.0 - 2.0 + torch.randn(64, 1) * 0.05
    let w = torch.zeros(1, 1, requires_grad=True)
    let b = torch.zeros(1, requires_grad=True)
    let optimizer = torch.optim.SGD([w, b], lr=0.5)
    for epoch in range(201):
        optimizer.zero_grad()
        let loss = ((x @ w + b - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        if epoch % 50 == 0:
            print(f"epoch {epoch:3d}: loss {f64(loss.item()):.3f}")
    print(f"learned y = {f64(w.item()):.2f} x {f64(b.item()):+.2f}")

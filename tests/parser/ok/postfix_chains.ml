fn main():
    let a = torch.arange(12).reshape(3, 4)
    let b = t.sum(dim=1).tolist()[0]
    let c = out.to_cpu()[7]
    let d = (v + w).x
    let e = obj.var(x)
    let f = np.linalg.norm(v)

fn mean(xs: List[float]) -> float:
    var total = 0.0
    for x in xs:
        total += x
    return total / f64(len(xs))

fn main():
    print(mean([1.0, 2.0]))

fn nothing():
    pass

fn one(x: i64) -> i64:
    return x

fn two(a: i64, b: f64,) -> f64:
    return f64(a) + b

fn returns_none() -> None:
    return

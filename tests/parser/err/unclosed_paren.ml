fn main():
    let y = f(1, 2
    let z = 3

fn other():
    pass

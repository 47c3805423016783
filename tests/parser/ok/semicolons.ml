fn main():
    let a = 1; let b = 2
    x = 1; y = 2;
    pass

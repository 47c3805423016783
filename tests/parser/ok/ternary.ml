fn main():
    let a = x if c else y
    let b = (x if c else y) + 1
    let c = f(x if c else y)
    let d = x if a and b else y or z

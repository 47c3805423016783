fn main():
    let a = - - x
    let b = not not y
    let c = ~-+x
    let d = -2 ** 2

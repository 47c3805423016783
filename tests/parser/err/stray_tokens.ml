fn main():
    let a = 1 $ 2
    let b = ? 
    let c = a ! b
    return a b

fn main():
    let a = "never closed
    let b = 'also
    let c = 1

fn main():
    while x print(x)
    let y = 2

fn main():
    let x = 1
    if x:
        pass

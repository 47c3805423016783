fn main():
    let name = "mlc"
    print(name + 1)

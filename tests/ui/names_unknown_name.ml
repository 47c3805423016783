fn main():
    let count = 3
    print(cuont + 1)

fn main():
    let n = 10
    for i in n:
        print(i)

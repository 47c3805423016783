fn main():
    let path = "C:\data\new"
    print(path)

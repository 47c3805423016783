fn main():
    let items = 3
    if items:
        print("some")

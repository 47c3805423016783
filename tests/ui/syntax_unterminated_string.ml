fn main():
    print("hello, world)
    print("done")

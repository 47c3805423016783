fn main():
    if x:
        return 1
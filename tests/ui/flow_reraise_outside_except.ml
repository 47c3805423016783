fn main():
    print("about to fail")
    raise

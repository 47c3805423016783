fn main():
    print(0x, 1_000)
    print(99999999999999999999)

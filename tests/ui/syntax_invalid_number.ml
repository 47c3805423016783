fn main():
    let mask = 0x
    let big = 99999999999999999999
    print(mask, big)

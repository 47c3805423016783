fn main():
    let a = 0x
    let b = 123abc
    let c = 99999999999999999999999
    let d = 0b102
    let e = 1_

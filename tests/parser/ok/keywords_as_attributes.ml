from python import struct as pystruct

fn main():
    let v = torch.var(t)
    let s = pystruct.pack("i", 1)
    let x = obj.from.import.if

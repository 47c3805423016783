fn main():
    let a = 1 + 2 * 3
    let b = (1 + 2) * 3
    let c = -x ** 2
    let d = 2 ** -1
    let e = a ** b ** c
    let f = a - b - c
    let g = a | b ^ c & d << 1 + 2
    let h = not a and b or c
    let i = a if c else b if d else e
    let j = x @ y + z
    let k = ~x // 2 % 3
    let l = a or b and not c == d
    let m = -(-x)
    let n = +x * -y

fn main():
    let total = 1 + \
        2 + \
        3
    let xs = [
        1,
        2,
    ]
    let call = f(
        a,
        b=2,
    )
    if (a and
            b):
        pass

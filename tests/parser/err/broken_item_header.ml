fn broken(x: i64 -> i64:
    let a = 1
    return a

fn fine():
    pass

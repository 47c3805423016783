fn a() -> i64:
    return 1

fn b():
    return

fn c() -> (i64, f64):
    return 1, 2.0

fn d():
    raise Error("message")

fn e():
    try:
        d()
    except err:
        raise

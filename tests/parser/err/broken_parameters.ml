fn unclosed(x: i64, y: i64:
    return x + y

fn bad_type(x: i64 +, y: i64) -> i64:
    return x

fn missing_comma(x: i64 y: i64) -> i64:
    return y

fn no_name(x: i64, 1, z: i64):
    pass

fn bad_default(x: i64 = +) -> i64:
    return x

fn after(a: i64):
    pass

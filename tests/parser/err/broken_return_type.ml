fn trailing(x: i64) -> i64 +:
    return x

fn no_arrow(x: i64) i64:
    return x

fn dict_colon() -> Dict[str: i64]:
    return {"a": 1}

fn no_body() -> +
fn after():
    pass

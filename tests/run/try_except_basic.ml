# Covers: raise Error(...) and try/except e: with e.message, except without a binding, errors raised in called functions, code after the raise skipped, execution continuing after the handler
# Exit: 0

fn parse_positive(text: str) -> i64:
    if not text.isdigit():
        raise Error(f"not a number: {text}")
    let value = i64(text)
    if value == 0:
        raise Error("zero is not positive")
    return value

fn main():
    for text in ["12", "abc", "0", "7"]:
        try:
            let v = parse_positive(text)
            print("parsed", v)
        except e:
            print("error:", e.message)
    try:
        raise Error("anonymous")
    except:
        print("caught without a name")
    var attempts = 0
    var ok = False
    while not ok:
        attempts += 1
        try:
            if attempts < 3:
                raise Error("retry")
            ok = True
        except e:
            print("attempt", attempts, e.message)
    print("done after", attempts)

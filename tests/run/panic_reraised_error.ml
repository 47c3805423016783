# Covers: an Error re-raised with bare raise from a handler is uncaught: exit code 1
# Exit: 1

fn risky(n: i64) -> i64:
    if n > 1:
        raise Error("fatal")
    return n

fn main():
    print(risky(1))
    try:
        print(risky(2))
    except e:
        print("logging:", e.message)
        raise

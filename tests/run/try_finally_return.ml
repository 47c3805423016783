# Covers: finally runs after normal completion, after a caught error, on return from inside try, on break and continue inside try, and when the error propagates
# Exit: 0

fn with_return(x: i64) -> i64:
    try:
        if x > 0:
            return x * 10
        print("not positive")
    finally:
        print("finally in with_return", x)
    return -1

fn propagates():
    try:
        raise Error("inner failure")
    finally:
        print("finally before propagating")

fn main():
    try:
        print("body")
    except e:
        print("not reached")
    finally:
        print("finally after body")
    try:
        raise Error("bad")
    except e:
        print("caught", e.message)
    finally:
        print("finally after handler")
    print(with_return(5))
    print(with_return(-5))
    try:
        propagates()
    except e:
        print("outer caught", e.message)
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("loop body", i)
        finally:
            print("loop finally", i)

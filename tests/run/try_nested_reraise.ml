# Covers: nested try blocks, bare raise re-raising inside except, raising a new Error from a handler, errors crossing several calls, except in a loop with finally
# Exit: 0

fn level3(n: i64) -> i64:
    if n % 2 == 1:
        raise Error(f"odd {n}")
    return n // 2

fn level2(n: i64) -> i64:
    try:
        return level3(n) + 100
    except e:
        print("level2 saw", e.message)
        raise

fn level1(n: i64) -> i64:
    try:
        return level2(n)
    except e:
        raise Error("level1: " + e.message)

fn main():
    print(level1(8))
    try:
        print(level1(7))
    except e:
        print("main caught", e.message)
    try:
        try:
            raise Error("first")
        except e:
            print("inner", e.message)
            raise Error("second")
        finally:
            print("inner finally")
    except e:
        print("outer", e.message)
    var log = List[str]()
    for n in [2, 3, 4]:
        try:
            log.append(str(level3(n)))
        except e:
            log.append(e.message)
        finally:
            log.append("|")
    print("".join(log))

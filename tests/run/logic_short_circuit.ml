# Covers: and / or / not on bool, short-circuit evaluation, precedence of not/and/or
# Exit: 0

fn check(label: str, result: bool) -> bool:
    print("called", label)
    return result

fn main():
    print(True and False, True or False, not True)
    print(check("a", False) and check("b", True))
    print(check("c", True) or check("d", False))
    print(check("e", True) and check("f", True))
    print(check("g", False) or check("h", False))
    print(not False and False, not (False and False))
    print(True or False and False, (True or False) and False)
    let xs = [1, 2, 3]
    let i = 5
    print(i < len(xs) and xs[i] > 0)
    print(i >= len(xs) or xs[i] > 0)
    let n = 12
    if n > 10 and n % 2 == 0 and not n == 14:
        print("big even")

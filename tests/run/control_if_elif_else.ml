# Covers: if / elif / else chains, nested ifs, one-line blocks, conditional expressions
# Exit: 0

fn classify(n: i64) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

fn fizzbuzz(n: i64) -> str:
    if n % 15 == 0: return "FizzBuzz"
    if n % 3 == 0: return "Fizz"
    if n % 5 == 0: return "Buzz"
    return str(n)

fn main():
    for n in [-5, 0, 7, 12]:
        print(n, classify(n))
    for n in range(1, 16):
        print(fizzbuzz(n), end=" ")
    print()
    let x = 4
    let parity = "even" if x % 2 == 0 else "odd"
    print(parity)
    let sign = -1 if x < 0 else 0 if x == 0 else 1
    print(sign)
    if x > 2:
        if x > 3:
            print("over three")
        else:
            print("three")
    if x > 100: print("never")
    else: print("one-line else")

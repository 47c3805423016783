# Covers: recursion: factorial, fibonacci, gcd, Ackermann, mutual recursion, recursion over lists, towers of Hanoi
# Exit: 0

fn factorial(n: i64) -> i64:
    if n <= 1:
        return 1
    return n * factorial(n - 1)

fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

fn gcd(a: i64, b: i64) -> i64:
    if b == 0:
        return a
    return gcd(b, a % b)

fn ackermann(m: i64, n: i64) -> i64:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

fn is_even(n: i64) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)

fn is_odd(n: i64) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)

fn sum_from(xs: List[i64], i: i64) -> i64:
    if i == len(xs):
        return 0
    return xs[i] + sum_from(xs, i + 1)

fn hanoi(n: i64, source: str, target: str, spare: str, moves: List[str]):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append(source + target)
    hanoi(n - 1, spare, target, source, moves)

fn main():
    print(factorial(10), factorial(20))
    print(fib(20), fib(1), fib(0))
    print(gcd(1071, 462), gcd(17, 5))
    print(ackermann(2, 3), ackermann(3, 3))
    print(is_even(10), is_odd(7), is_even(3))
    print(sum_from([1, 2, 3, 4, 5], 0))
    var moves = List[str]()
    hanoi(3, "A", "C", "B", moves)
    print(len(moves), " ".join(moves))

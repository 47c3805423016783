# Covers: a realistic program: memoized fibonacci with a Dict[i64, i64] passed by reference, iterative fibonacci, tuple-keyed memo for binomial coefficients
# Exit: 0

fn fib(n: i64, memo: Dict[i64, i64]) -> i64:
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    let value = fib(n - 1, memo) + fib(n - 2, memo)
    memo[n] = value
    return value

fn fib_iterative(n: i64) -> i64:
    var a = 0
    var b = 1
    for i in range(n):
        a, b = b, a + b
    return a

fn binomial(n: i64, k: i64, memo: Dict[(i64, i64), i64]) -> i64:
    if k == 0 or k == n:
        return 1
    let key = (n, k)
    if key in memo:
        return memo[key]
    let value = binomial(n - 1, k - 1, memo) + binomial(n - 1, k, memo)
    memo[key] = value
    return value

fn main():
    var memo = Dict[i64, i64]()
    print(fib(90, memo), len(memo))
    print(fib_iterative(90) == fib(90, memo), fib_iterative(10))
    var table = Dict[(i64, i64), i64]()
    print(binomial(30, 15, table), binomial(10, 3, table), len(table) > 0)

# fib: the naive doubly recursive Fibonacci function, fib(N) with N from argv()[1]
# (default 25). The same program as fib.c and fib.py; see README.md.

fn fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

fn main():
    let args = argv()
    var n = 25
    if len(args) > 1:
        n = i64(args[1])
    print(f"fib({n}) = {fib(n)}")

# fib: the naive doubly recursive Fibonacci function, fib(N) with N from argv[1] (default 25).
# The same program as fib.ml and fib.c; see README.md.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    print(f"fib({n}) = {fib(n)}")


main()

/* fib: the naive doubly recursive Fibonacci function, fib(N) with N from argv[1] (default 25).
 * The same program as fib.ml and fib.py; see README.md. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t fib(int64_t n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 25;
    printf("fib(%lld) = %lld\n", (long long)n, (long long)fib(n));
    return 0;
}

"""The same calls as call_cost.ml, made by CPython itself."""
import time

from trivial import identity, nothing

CALLS = 2_000_000


def per_call_ns(start):
    return (time.perf_counter() - start) * 1e9 / CALLS


def main():
    for _ in range(10_000):
        nothing()
    start = time.perf_counter()
    for _ in range(CALLS):
        nothing()
    empty = per_call_ns(start)
    x = identity(1)
    start = time.perf_counter()
    for _ in range(CALLS):
        identity(x)
    obj = per_call_ns(start)
    total = 0
    start = time.perf_counter()
    for i in range(CALLS):
        total += identity(i)
    native = per_call_ns(start)
    print(f"{empty:.1f} {obj:.1f} {native:.1f} {total}")


main()

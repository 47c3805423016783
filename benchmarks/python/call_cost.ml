# Nanoseconds per call of a trivial Python function from mlc: without arguments, with a
# Python object, and with a native int converted in and the result cast back to i64.
# Prints the three figures (and a checksum). Run by run.py.
from python import trivial
import time

const CALLS: i64 = 2_000_000

fn per_call_ns(start: f64) -> f64:
    return (time.perf_counter() - start) * 1e9 / f64(CALLS)

fn main():
    let nothing = trivial.nothing
    let identity = trivial.identity
    for i in range(10_000):
        nothing()
    var start = time.perf_counter()
    for i in range(CALLS):
        nothing()
    let empty = per_call_ns(start)
    let x = identity(1)
    start = time.perf_counter()
    for i in range(CALLS):
        identity(x)
    let object = per_call_ns(start)
    var total = 0
    start = time.perf_counter()
    for i in range(CALLS):
        total += i64(identity(i))
    let native = per_call_ns(start)
    print(f"{empty:.1f} {object:.1f} {native:.1f} {total}")

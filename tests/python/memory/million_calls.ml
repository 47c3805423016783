# A million calls into Python (positional and keyword arguments, native values converted
# both ways): the peak memory after the first 100,000 and after all of them must be the same
# (python_interop.rs reads the two figures). Prints: the checksum, then both peaks in KiB.
from python import builtins
from python import resource

fn peak_kib() -> i64:
    return i64(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

fn main():
    let maximum = builtins.max
    var total = 0
    for i in range(100000):
        total += i64(maximum(i, 7, key=None))
    let early = peak_kib()
    for i in range(900000):
        total += i64(maximum(i, 7, key=None))
    let late = peak_kib()
    print(total, early, late)

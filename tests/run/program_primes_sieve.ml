# Covers: a realistic program: sieve of Eratosthenes with a List[bool], counting primes, prime gaps, twin primes
# Exit: 0

fn sieve(limit: i64) -> List[bool]:
    var is_prime = List[bool]()
    for i in range(limit + 1):
        is_prime.append(i >= 2)
    var p = 2
    while p * p <= limit:
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
        p += 1
    return is_prime

fn main():
    let limit = 1000
    let flags = sieve(limit)
    var primes = List[i64]()
    for n, prime in enumerate(flags):
        if prime:
            primes.append(n)
    var first = List[i64]()
    for i in range(10):
        first.append(primes[i])
    print(len(primes), first, primes[len(primes) - 1])
    var largest_gap = 0
    var gap_start = 0
    var twins = 0
    for i in range(1, len(primes)):
        let gap = primes[i] - primes[i - 1]
        if gap > largest_gap:
            largest_gap = gap
            gap_start = primes[i - 1]
        if gap == 2:
            twins += 1
    print("largest gap", largest_gap, "after", gap_start)
    print("twin pairs", twins, "sum", sum(primes))

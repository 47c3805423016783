# fannkuch_redux: the Benchmarks Game fannkuch-redux (every permutation of 0..N-1 in the
# benchmark's order; for each, count the prefix reversals until the first element is 0),
# printing the checksum (flips added for even-numbered permutations, subtracted for odd
# ones) and the maximum flip count. N from argv()[1] (default 7). The same loops as
# fannkuch_redux.c and fannkuch_redux.py; the three List[i64] arrays are allocated once.

fn filled(count: i64, value: i64) -> List[i64]:
    var xs = List[i64]()
    for _ in range(count):
        xs.append(value)
    return xs

# Returns (checksum, maximum flips).
fn fannkuch(n: i64) -> (i64, i64):
    let perm = filled(n, 0)
    let perm1 = filled(n, 0)
    let count = filled(n, 0)
    for i in range(n):
        perm1[i] = i
    var max_flips = 0
    var checksum = 0
    var perm_count = 0
    var r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        var flips = 0
        var k = perm[0]
        while k != 0:
            var i = 0
            var j = k
            while i < j:
                let t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # the next permutation: rotate the first r + 1 elements until a counter is left
        while True:
            if r == n:
                return (checksum, max_flips)
            let perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1

fn main():
    let args = argv()
    var n = 7
    if len(args) > 1:
        n = i64(args[1])
    let (checksum, max_flips) = fannkuch(n)
    print(checksum)
    print(f"Pfannkuchen({n}) = {max_flips}")

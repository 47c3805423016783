# fannkuch_redux: the Benchmarks Game fannkuch-redux (every permutation of 0..N-1 in the
# benchmark's order; for each, count the prefix reversals until the first element is 0),
# printing the checksum (flips added for even-numbered permutations, subtracted for odd
# ones) and the maximum flip count. N from argv[1] (default 7). The same loops as
# fannkuch_redux.c and fannkuch_redux.ml.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        # the next permutation: rotate the first r + 1 elements until a counter is left
        while True:
            if r == n:
                return checksum, max_flips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    checksum, max_flips = fannkuch(n)
    print(f"{checksum}\nPfannkuchen({n}) = {max_flips}")


main()

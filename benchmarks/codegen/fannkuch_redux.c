/* fannkuch_redux: the Benchmarks Game fannkuch-redux (every permutation of 0..N-1 in the
 * benchmark's order; for each, count the prefix reversals until the first element is 0),
 * single-threaded, printing the checksum (flips added for even-numbered permutations,
 * subtracted for odd ones) and the maximum flip count. N from argv[1] (default 7). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? strtoll(argv[1], NULL, 10) : 7;
    if (n < 1 || n > 20) {
        return 1;
    }
    int64_t perm[20], perm1[20], count[20];
    int64_t max_flips = 0, checksum = 0, perm_count = 0;
    for (int64_t i = 0; i < n; i++) {
        perm1[i] = i;
    }
    int64_t r = n;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int64_t i = 0; i < n; i++) {
            perm[i] = perm1[i];
        }
        int64_t flips = 0;
        int64_t k = perm[0];
        while (k != 0) {
            int64_t i = 0, j = k;
            while (i < j) {
                int64_t t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                i++;
                j--;
            }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips) {
            max_flips = flips;
        }
        checksum += perm_count % 2 == 0 ? flips : -flips;
        /* the next permutation: rotate the first r + 1 elements until a counter is left */
        for (;;) {
            if (r == n) {
                printf("%lld\nPfannkuchen(%lld) = %lld\n", (long long)checksum, (long long)n,
                       (long long)max_flips);
                return 0;
            }
            int64_t perm0 = perm1[0];
            for (int64_t i = 0; i < r; i++) {
                perm1[i] = perm1[i + 1];
            }
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0) {
                break;
            }
            r++;
        }
        perm_count++;
    }
}

# Covers: return from inside for and while loops (also nested), functions that fall through after a loop
# Exit: 0

fn index_of(xs: List[i64], target: i64) -> i64:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return -1

fn first_pair_with_sum(xs: List[i64], target: i64) -> (i64, i64):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            if xs[i] + xs[j] == target:
                return (xs[i], xs[j])
    return (0, 0)

fn smallest_divisor(n: i64) -> i64:
    var d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n

fn report(xs: List[str]):
    for x in xs:
        if x == "":
            print("empty entry, stopping")
            return
        print("entry", x)
    print("all entries seen")

fn main():
    let xs = [4, 8, 15, 16, 23, 42]
    print(index_of(xs, 15), index_of(xs, 99))
    print(first_pair_with_sum(xs, 31), first_pair_with_sum(xs, 1000))
    print(smallest_divisor(91), smallest_divisor(97), smallest_divisor(1024))
    report(["a", "b"])
    report(["c", "", "d"])

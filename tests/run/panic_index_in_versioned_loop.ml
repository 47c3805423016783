# Covers: an index past the end of a list inside a loop whose indices are checked once before the loop: the checked copy runs and panics at the access, after the earlier iterations
# Exit: 1

fn window_sum(xs: List[i64], start: i64, count: i64) -> i64:
    var total = 0
    for i in range(count):
        print(i)
        total += xs[start + i]
    return total

fn main():
    print(window_sum([1, 2, 3], 1, 5))

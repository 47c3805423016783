# Covers: recursion that optimized builds turn into loops (tail calls, accumulators with + * & | ^) and copy into itself
# Exit: 0

# `return f(...)` in tail position.
fn count_down(n: i64, steps: i64) -> i64:
    if n == 0:
        return steps
    return count_down(n - 1, steps + 1)

fn sum_to(n: i64) -> i64:
    if n == 0:
        return 0
    return n + sum_to(n - 1)

fn product_of_odds(n: i64) -> i64:
    if n <= 1:
        return 1
    if n % 2 == 0:
        return product_of_odds(n - 1)
    return product_of_odds(n - 2) * n

fn all_bits(n: i64) -> i64:
    if n == 0:
        return 0
    return (1 << (n % 60)) | all_bits(n - 1)

fn common_bits(n: i64) -> i64:
    if n == 0:
        return 255
    return common_bits(n - 1) & (n | 240)

fn parity_mix(n: i64) -> i64:
    if n == 0:
        return 0
    return (n * 2654435761 % 1000003) ^ parity_mix(n - 1)

# Two accumulating operators: the loop carries the first, the other stays a call.
fn mixed(n: i64) -> i64:
    if n <= 0:
        return 1
    if n % 3 == 0:
        return mixed(n - 1) * 2
    return mixed(n - 1) + 3

# A variable, a loop and an early return inside the recursive function.
fn digits_sum(n: i64) -> i64:
    if n < 10:
        return n
    var rest = n
    var last = 0
    while rest >= 10:
        last = rest % 10
        rest = rest // 10
        if last == 0:
            return digits_sum(rest)
    return last + digits_sum(n // 10)

# Tree recursion: both calls return floats, which are not reassociated.
fn tribonacci(n: i64) -> f64:
    if n < 3:
        return f64(n)
    return tribonacci(n - 1) + tribonacci(n - 2) + tribonacci(n - 3)

fn tree_sum(depth: i64, value: i64) -> i64:
    if depth == 0:
        return value
    return tree_sum(depth - 1, value * 2) + tree_sum(depth - 1, value * 2 + 1) + value

fn collatz_steps(n: i64, steps: i64) -> i64:
    if n == 1:
        return steps
    if n % 2 == 0:
        return collatz_steps(n // 2, steps + 1)
    return collatz_steps(3 * n + 1, steps + 1)

fn is_sorted_prefix(xs: List[i64], i: i64) -> bool:
    if i + 1 >= len(xs):
        return True
    if xs[i] > xs[i + 1]:
        return False
    return is_sorted_prefix(xs, i + 1)

fn main():
    print(count_down(900, 0))
    print(sum_to(900), sum_to(0), sum_to(1))
    print(product_of_odds(15), product_of_odds(16), product_of_odds(1))
    print(all_bits(10), all_bits(0))
    print(common_bits(5), common_bits(0))
    print(parity_mix(500))
    print(mixed(10), mixed(0))
    print(digits_sum(9875), digits_sum(1002003), digits_sum(7))
    print(tribonacci(20))
    print(tree_sum(10, 1))
    print(collatz_steps(27, 0), collatz_steps(1, 0))
    print(is_sorted_prefix([1, 2, 2, 5], 0), is_sorted_prefix([1, 3, 2], 0))

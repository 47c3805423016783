# Covers: recursion that optimized builds turn into loops (tail calls, accumulators with + * & | ^, reference-counted parameters and locals, an error raised inside) and copy into itself
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

# Reference-counted values carried through the loop: a string made on each step, a list
# filled on the way down and returned, a variable holding a string, an error raised deep
# inside (the test suite checks that nothing is left allocated).
fn join_from(words: List[str], i: i64, text: str) -> str:
    if i == len(words):
        return text
    return join_from(words, i + 1, text + words[i] + ";")

fn count_spaces(s: str, i: i64, n: i64) -> i64:
    if i >= len(s):
        return n
    if s[i] == " ":
        return count_spaces(s, i + 1, n + 1)
    return count_spaces(s, i + 1, n)

fn squares_down(xs: List[i64], n: i64) -> List[i64]:
    if n == 0:
        return xs
    xs.append(n * n)
    return squares_down(xs, n - 1)

fn longest_upper(words: List[str], i: i64, best: str) -> str:
    if i == len(words):
        return best
    var candidate = words[i].upper()
    if len(candidate) <= len(best):
        candidate = best
    return longest_upper(words, i + 1, candidate)

fn checked_total(xs: List[i64], i: i64, total: i64) -> i64:
    if i == len(xs):
        return total
    if xs[i] < 0:
        raise Error(f"negative at {i}: {xs[i]}")
    return checked_total(xs, i + 1, total + xs[i])

fn letters(text: str, i: i64) -> i64:
    if i == len(text):
        return 0
    if text[i] == " ":
        return letters(text, i + 1)
    return 1 + letters(text, i + 1)

struct Tally:
    names: List[str]
    total: i64

    # A `mut self` method: the receiver is passed on as it is.
    fn walk(mut self, n: i64):
        if n == 0:
            return
        self.total += n
        self.names.append(f"n{n}")
        self.walk(n - 1)

# A list read out of another and passed on (owned by the loop from then on).
fn longest_row(rows: List[List[i64]], i: i64, best: List[i64]) -> List[i64]:
    if i == len(rows):
        return best
    let row = rows[i]
    if len(row) > len(best):
        return longest_row(rows, i + 1, row)
    return longest_row(rows, i + 1, best)

fn weighted(weights: Dict[str, i64], keys: List[str], i: i64, acc: i64) -> i64:
    if i == len(keys):
        return acc
    return weighted(weights, keys, i + 1, acc + weights[keys[i]])

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
    var words = List[str]()
    for k in range(300):
        words.append(f"w{k % 17}")
    let joined = join_from(words, 0, "")
    print(len(joined), joined[0:12])
    print(count_spaces("the quick brown fox jumps", 0, 0), count_spaces("", 0, 0))
    let squares = squares_down(List[i64](), 500)
    print(len(squares), squares[0], squares[499])
    print(longest_upper(["ab", "abc", "x", "abcd", "abce"], 0, ""))
    var numbers = List[i64]()
    for k in range(800):
        numbers.append(k)
    print(checked_total(numbers, 0, 0))
    numbers[700] = -7
    try:
        print(checked_total(numbers, 0, 0))
    except e:
        print("caught:", e)
    print(letters("a b c dd eee", 0))
    var tally = Tally([], 0)
    tally.walk(300)
    print(tally.total, len(tally.names), tally.names[0], tally.names[299])
    let rows = [[1], [1, 2, 3], [4, 5], [6, 7, 8, 9], []]
    print(longest_row(rows, 0, []))
    var weights = Dict[str, i64]()
    weights["a"] = 1
    weights["b"] = 20
    print(weighted(weights, ["a", "b", "a", "b"], 0, 0))

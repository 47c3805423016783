# Covers: comparison operators on numbers, str, tuples, lists; chained comparisons evaluate each operand once
# Exit: 0

fn noisy(label: str, value: i64) -> i64:
    print("eval", label)
    return value

fn main():
    print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 5 == 5, 5 != 5)
    print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 <= 1 < 2 <= 2)
    print(noisy("a", 1) < noisy("b", 2) < noisy("c", 3))
    print(noisy("d", 5) < noisy("e", 2) < noisy("f", 9))
    print("apple" < "banana", "b" > "abc", "same" == "same", "a" != "b")
    print((1, 2) < (1, 3), (2, 0) > (1, 9), (1, "x") == (1, "x"))
    print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [1, 2] == [1, 2])
    print(1.5 < 2.0 <= 2.0, 0.1 + 0.2 == 0.3)
    let x = 7
    print(0 <= x < 10, not 0 <= x < 5)

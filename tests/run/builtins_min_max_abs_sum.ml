# Covers: min and max of a List and of several values (ints, floats, strs), abs of ints and floats, sum of a List, of a range, with a start, len of every container
# Exit: 0

fn main():
    let xs = [4, -2, 9, 0]
    print(min(xs), max(xs), min(3, 1, 2), max(3, 1, 2), min(5, 5))
    print(min(2.5, -1.5), max([0.5, 0.25]), min("pear", "apple", "fig"), max(["b", "a"]))
    print(abs(-7), abs(7), abs(0), abs(-2.5), abs(3.25), abs(-0.0))
    print(sum(xs), sum([0.5, 0.25, 0.125]), sum(range(5)), sum(xs, 100), sum(List[i64]()))
    print(len(xs), len("four"), len({"a": 1}), len((1, 2, 3)), len(List[f64]()))
    print(max(min(10, 20), 15), abs(min(xs)))
    print(min((2, "b"), (1, "z")), max(True, False))

# Covers: main returning 0 explicitly through an early return inside a loop
# Exit: 0

fn main() -> i64:
    for i in range(10):
        if i == 2:
            print("leaving at", i)
            return 0
    print("not reached")
    return 1

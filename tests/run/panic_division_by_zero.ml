# Covers: integer floor division by zero panics (exit code 1)
# Exit: 1

fn average_bucket(total: i64, count: i64) -> i64:
    return total // count

fn main():
    print(average_bucket(10, 3))
    let counts = [2, 1, 0]
    for c in counts:
        print(average_bucket(12, c))
    print("not reached")

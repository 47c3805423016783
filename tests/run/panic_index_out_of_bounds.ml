# Covers: indexing a List past its end panics (exit code 1) after the earlier output
# Exit: 1

fn main():
    let xs = [10, 20, 30]
    var total = 0
    for i in range(4):
        print("reading", i)
        total += xs[i]
    print("not reached", total)

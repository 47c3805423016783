# Covers: a panic (index out of bounds) is not an Error: except does not catch it, the program stops with exit code 1
# Exit: 1

fn main():
    let xs = [1, 2]
    try:
        print("before")
        print(xs[5])
    except e:
        print("not reached: panics are not caught", e.message)
    print("not reached")

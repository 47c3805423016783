# Covers: a failed assert without a message panics (exit code 1)
# Exit: 1

fn main():
    let xs = [1, 2, 3]
    for x in xs:
        print("checking", x)
        assert x < 3
    print("not reached")

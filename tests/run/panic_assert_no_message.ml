# Covers: a failed assert without a message panics (exit code 1)
# Exit: 1

fn main():
    let xs = [1, 2, 3]
    var checked = 0
    for x in xs:
        print("checking", x)
        assert x < 3
        checked += 1
    print("not reached", checked)

# Covers: comments, blank lines, docstrings of functions and structs, expressions continued inside brackets, backslash line continuation, ; between statements, one-line blocks, pass, nested blocks
# Exit: 0

struct Box:
    """A box with a width and a height."""
    width: i64   # trailing comment on a field
    height: i64

    fn area(self) -> i64:
        """The area."""
        return self.width * self.height

fn total(values: List[i64]) -> i64:
    """Adds up the values."""
    var acc = 0
    for v in values:

        # a comment line inside a block, after a blank line
        acc += v
    return acc

fn main():
    let numbers = [
        1, 2,
        3,   # a comment inside brackets
        4,
    ]
    let long_sum = 1 + 2 + \
        3 + 4
    let call = total(
        numbers
    )
    print(call, long_sum, Box(3, 4).area())
    let a = 1; let b = 2; print(a + b)
    if a < b: print("one-line if")
    for i in range(2): print("one-line for", i)
    while False: pass
    if True:
        pass
    let mapping = {
        "x": 1,
        "y": 2,
    }
    print(mapping["y"], (
        "parenthesized"
    ))

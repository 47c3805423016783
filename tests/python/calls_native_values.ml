# Covers: calls whose native arguments and result cast fold into the call (i64, f64, bool in,
# any castable type out), positional and keyword, more than eight arguments, and the errors
# of such calls: a failing cast and a Python exception, both catchable
# Exit: 0
from python import builtins
from python import interop_helpers as helpers

fn twice(x: i64) -> i64:
    return i64(helpers.add(x, x))

fn main():
    let o = builtins.int(7)
    print(helpers.kinds(1, 2.5, True, o, -3, flag=False, scale=0.25, n=9223372036854775807))
    let many = helpers.kinds(1, 2, 3, 4, 5, 6, 7, 8, 9.5, False, o)
    print(many)
    print(twice(21), twice(-4))
    let half = f64(builtins.float(3)) / 2.0
    print(half, f64(helpers.add(0.1, 0.2)), bool(helpers.add(0, 0)), bool(helpers.add(True, False)))
    print(str(helpers.add("a", "b")), List[i64](helpers.add([1], [2, 3])))
    var total = 0
    for i in range(1000):
        total += i64(helpers.add(i, 1))
    print(total)
    let n = 5
    print(helpers.kinds(n, n), i64(helpers.add(n, n)))
    try:
        print(i64(helpers.add(0.5, 1)), i64(helpers.add([1], [2])))
    except e:
        print(e)
    try:
        print(f64(helpers.check_positive(-2, "negative")))
    except e:
        print(e)
    try:
        print(u8(helpers.add(200, 100)))
    except e:
        print(e)

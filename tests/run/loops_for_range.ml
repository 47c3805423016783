# Covers: for over range with one, two and three arguments, negative steps, empty ranges, range over a variable bound
# Exit: 0

fn show(label: str, xs: List[i64]):
    print(label, xs)

fn collect(start: i64, stop: i64, step: i64) -> List[i64]:
    var out = List[i64]()
    for i in range(start, stop, step):
        out.append(i)
    return out

fn main():
    var a = List[i64]()
    for i in range(5):
        a.append(i)
    show("range(5)", a)
    var b = List[i64]()
    for i in range(3, 8):
        b.append(i)
    show("range(3, 8)", b)
    show("step 3", collect(0, 10, 3))
    show("negative step", collect(10, 0, -3))
    show("down to -5", collect(0, -5, -1))
    show("empty", collect(5, 5, 1))
    show("empty down", collect(0, 5, -1))
    var count = 0
    for i in range(0):
        count += 1
    for i in range(-3):
        count += 1
    print(count)
    let n = 4
    var total = 0
    for i in range(n):
        for j in range(i, n):
            total += j
    print(total)
    print(sum(range(101)), sum(range(10, 0, -2)))

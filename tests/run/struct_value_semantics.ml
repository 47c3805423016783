# Covers: structs and tuples are values (copied on binding, argument passing, storing); List and Dict are shared references
# Exit: 0

struct Cell:
    value: i64

struct Wrapper:
    inner: Cell

fn bump(c: Cell) -> Cell:
    var copy = c
    copy.value += 1
    return copy

fn append_one(xs: List[i64]):
    xs.append(1)

fn main():
    var a = Cell(1)
    var b = a
    b.value = 2
    print(a.value, b.value)
    let c = bump(a)
    print(a.value, c.value)
    var cells = [Cell(0), Cell(0)]
    var first = cells[0]
    first.value = 9
    print(cells[0].value, first.value)
    cells[1].value = 5
    print(cells[1].value)
    var stored = Cell(3)
    cells.append(stored)
    stored.value = 4
    print(cells[2].value, stored.value)
    var inner = Cell(1)
    let wrapped = Wrapper(inner)
    let pair = (inner, 0)
    inner.value = 50
    print(wrapped.inner.value, pair[0].value, inner.value)
    let xs = [0]
    let ys = xs
    ys.append(2)
    append_one(xs)
    print(xs, ys)
    let d = {"k": 1}
    let e = d
    e["k"] = 2
    print(d["k"])
    let copied = xs.copy()
    copied.append(3)
    print(len(xs), len(copied))

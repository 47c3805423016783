# Covers: nested places: a.b.c = v, a.b.c += v, xs[i].f += v, xs[i].b.c = v, d[k][i] = v, list of lists
# Exit: 0

struct Inner:
    c: i64
    tag: str

struct Outer:
    b: Inner
    weight: f64

fn main():
    var a = Outer(Inner(1, "x"), 0.5)
    a.b.c = 10
    a.b.c += 5
    a.b.tag = "y"
    a.weight *= 4.0
    print(a.b.c, a.b.tag, a.weight)
    var xs = [Outer(Inner(0, "p"), 1.0), Outer(Inner(0, "q"), 2.0)]
    xs[0].weight += 0.25
    xs[1].b.c = 7
    xs[1].b.c *= 6
    print(xs[0].weight, xs[1].b.c, xs[1].b.tag)
    var grid = [[0, 0, 0], [0, 0, 0]]
    grid[1][2] = 5
    grid[0][1] += 3
    print(grid)
    var table = {"row": [1, 2, 3]}
    table["row"][0] = 100
    table["row"][2] -= 1
    print(table["row"])

# Covers: reference counting: reassignment in loops, aliases, elements kept after their container changes, borrowed parameters returned, early returns, break, errors raised with objects live, struct fields holding objects
# Exit: 0

struct Named:
    name: str
    tags: List[str]

    fn tag(mut self, t: str):
        self.tags.append(t)
        self.name = self.name + "+" + t

fn same(s: str) -> str:
    return s

fn pick(xs: List[str], i: i64) -> str:
    return xs[i]

fn first_long(words: List[str]) -> str:
    for w in words:
        if len(w) > 3:
            return w
    return "none"

fn build(n: i64) -> List[str]:
    var out: List[str] = []
    var s = ""
    for i in range(n):
        s = s + str(i)
        out.append(s)
    return out

fn checked(word: str) -> str:
    let shouted = word.upper()
    if len(word) > 4:
        raise Error("too long: " + shouted)
    return shouted

fn main():
    var words = build(6)
    let alias = words
    alias.append("tail")
    print(len(words), words[-1])
    var held = words[2]
    words[2] = "changed"
    print(held, words[2])
    held = held
    print(held, same(held), pick(words, 0), first_long(words))

    let nested = [[1, 2], [3]]
    let inner = nested[0]
    nested[0] = [9]
    inner.append(5)
    print(inner, nested)

    var counts: Dict[str, i64] = {}
    for w in "a b a c a".split(" "):
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    print(counts)

    var n = Named("x", [])
    n.tag("p")
    n.tag("q")
    let tags = n.tags
    n.tag("r")
    print(n.name, n.tags, tags)

    var caught = 0
    for word in ["ok", "fine", "enormous", "big", "gigantic"]:
        try:
            print(checked(word))
        except e:
            caught += 1
            print("caught:", e)
    print(caught)

    var a = "left"
    var b = "right"
    a, b = b, a
    print(a, b)
    let pairs = [("one", 1), ("two", 2)]
    var names: List[str] = []
    for (name, number) in pairs:
        names.append(name + str(number))
    print(names)

    var line = ""
    while True:
        line = line + "."
        if len(line) == 3:
            break
    print(line)

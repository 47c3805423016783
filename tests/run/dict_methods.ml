# Covers: Dict literal, Dict[K, V](), d[k], d[k] = v, get with default, in, len, keys(), values(), items(), pop (with and without default), clear, copy, insertion order, tuple keys, ==
# Exit: 0

fn main():
    var ages = {"ann": 31, "bob": 27}
    ages["cid"] = 45
    ages["ann"] = 32
    print(ages, len(ages))
    print(ages["bob"], ages.get("bob", 0), ages.get("zed", -1))
    print("cid" in ages, "dan" in ages)
    for k in ages.keys():
        print("key", k)
    var total = 0
    for v in ages.values():
        total += v
    print(total)
    for k, v in ages.items():
        print(k, "->", v)
    print(ages.pop("bob"), ages.pop("nobody", 0), ages)
    let snapshot = ages.copy()
    ages.clear()
    print(ages, len(ages), snapshot)
    var empty = Dict[i64, str]()
    empty[3] = "three"
    empty[1] = "one"
    print(empty, empty[1])
    let points = {(0, 1): 1.5, (2, 3): -0.5}
    print(points[(2, 3)], (0, 1) in points)
    print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
    var flags = Dict[bool, i64]()
    flags[True] = 1
    flags[False] = 0
    print(flags[True] + flags[False], len(flags))

# Covers: in / not in on str (substring), List and Dict (keys)
# Exit: 0

fn main():
    let text = "hello world"
    print("world" in text, "World" in text, "" in text, "lo w" in text)
    print("x" not in text, "o" not in text)
    let nums = [3, 1, 4, 1, 5]
    print(4 in nums, 9 in nums, 9 not in nums)
    let names = ["ann", "bob"]
    print("bob" in names, "carl" in names)
    let ages = {"ann": 31, "bob": 27}
    print("ann" in ages, 31 in ages.values(), "zed" not in ages)
    let grid = {(0, 0): "origin", (1, 2): "point"}
    print((1, 2) in grid, (2, 1) in grid)
    var found = 0
    for c in "mississippi":
        if c in "sp":
            found += 1
    print(found)

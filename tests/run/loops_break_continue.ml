# Covers: break and continue in for and while loops, in nested loops (only the inner loop is left)
# Exit: 0

fn main():
    for i in range(10):
        if i == 6:
            break
        if i % 2 == 1:
            continue
        print("even", i)
    var found = -1
    for i in range(2, 50):
        var is_square = False
        for r in range(i):
            if r * r == i:
                is_square = True
                break
            if r * r > i:
                break
        if not is_square:
            continue
        if i > 20:
            found = i
            break
    print("first square above 20:", found)
    var n = 0
    var skipped = 0
    while n < 20:
        n += 1
        if n % 3 != 0:
            skipped += 1
            continue
        if n > 12:
            break
    print(n, skipped)
    for word in ["keep", "skip", "keep", "stop", "never"]:
        if word == "skip":
            continue
        if word == "stop":
            break
        print(word)

# Covers: slices of str and List with non-negative bounds: s[a:b], s[a:], s[:b], xs[a:b] (a new list)
# Exit: 0

fn main():
    let s = "abcdefgh"
    print(s[2:5], s[5:], s[:3], s[0:0], s[3:8])
    let xs = [10, 20, 30, 40, 50]
    let middle = xs[1:4]
    print(middle, xs[:2], xs[3:])
    middle.append(99)
    print(xs, middle)
    let word = "hello world"
    let space = word.find(" ")
    print(word[:space].upper(), word[space + 1:])

# Covers: List append pop (last and by index) insert extend clear copy reverse sort index count, len, indexing, +, ==, list literals
# Exit: 0

fn main():
    var xs = [5, 3, 8]
    xs.append(1)
    print(xs, len(xs))
    print(xs.pop(), xs)
    print(xs.pop(0), xs)
    xs.insert(1, 42)
    xs.insert(0, -1)
    print(xs)
    xs.extend([7, 7, 2])
    print(xs, xs.count(7), xs.index(42))
    xs.sort()
    print(xs)
    xs.reverse()
    print(xs)
    let ys = xs.copy()
    xs.clear()
    print(xs, len(xs), ys)
    print([1, 2] + [3], [1, 2] == [1, 2], [1, 2] != [2, 1])
    var words = ["pear", "apple", "fig"]
    words.sort()
    print(words, words[0], words[len(words) - 1])
    var pairs = [(2, "b"), (1, "z"), (2, "a")]
    pairs.sort()
    print(pairs)
    var floats = [2.5, -1.0, 0.5]
    floats.sort()
    print(floats)
    xs.append(3)
    xs[0] = 30
    print(xs)

# Covers: counting with Dict.get, grouping into Dict[str, List[str]], updating d[k] += 1, finding the most common key
# Exit: 0

fn main():
    let text = "the quick brown fox jumps over the lazy dog the end"
    var counts = Dict[str, i64]()
    for word in text.split(" "):
        counts[word] = counts.get(word, 0) + 1
    print(counts["the"], counts["fox"], len(counts))
    var best = ""
    var best_count = 0
    for word, count in counts.items():
        if count > best_count:
            best = word
            best_count = count
    print(best, best_count)
    var letters = Dict[str, i64]()
    for ch in "mississippi":
        if ch in letters:
            letters[ch] += 1
        else:
            letters[ch] = 1
    print(letters)
    var by_first = Dict[str, List[str]]()
    for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        let first = word[0]
        if first not in by_first:
            by_first[first] = List[str]()
        by_first[first].append(word)
    for key, words in by_first.items():
        print(key, words)

# Covers: a realistic program: word frequencies of a text with lower, strip of punctuation, split, Dict counting, sorting (count, word) pairs
# Exit: 0

fn normalize(word: str) -> str:
    return word.strip(".,;:!?").lower()

fn main():
    let text = """It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness."""
    var counts = Dict[str, i64]()
    var total = 0
    for line in text.split("\n"):
        for raw in line.split():
            let word = normalize(raw)
            if word == "":
                continue
            counts[word] = counts.get(word, 0) + 1
            total += 1
    print("words:", total, "distinct:", len(counts))
    var ranked = List[(i64, str)]()
    for word, count in counts.items():
        ranked.append((-count, word))
    ranked.sort()
    for i in range(5):
        let (negative, word) = ranked[i]
        print(f"{word:>8} {-negative}")

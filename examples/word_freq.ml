# Word frequencies of the opening of the US Declaration of Independence (1776, public
# domain): lowercase, strip punctuation, split, count in a Dict, rank the most frequent.
#
# Shows: a multi-line string constant, str methods (lower, replace, split), Dict[str, i64]
# counting with get(k, default), a struct ordered by `__lt__` and an insertion sort using it,
# tuple destructuring in `for`, f-string alignment.
#
#   mlc run examples/word_freq.ml           # expected output: word_freq.out
#   mlc build examples/word_freq.ml -o word_freq && ./word_freq

# The text; split() ignores the indentation of its continuation lines.
const TEXT: str = """When in the Course of human events, it becomes necessary for one people to
    dissolve the political bands which have connected them with another, and to assume among
    the powers of the earth, the separate and equal station to which the Laws of Nature and of
    Nature's God entitle them, a decent respect to the opinions of mankind requires that they
    should declare the causes which impel them to the separation.

    We hold these truths to be self-evident, that all men are created equal, that they are
    endowed by their Creator with certain unalienable Rights, that among these are Life,
    Liberty and the pursuit of Happiness. That to secure these rights, Governments are
    instituted among Men, deriving their just powers from the consent of the governed, That
    whenever any Form of Government becomes destructive of these ends, it is the Right of the
    People to alter or to abolish it, and to institute new Government, laying its foundation
    on such principles and organizing its powers in such form, as to them shall seem most
    likely to effect their Safety and Happiness."""

const TOP: i64 = 10

# A word and how often it occurs; `<` puts higher counts first, then words alphabetically.
struct WordCount:
    count: i64
    word: str

    fn __lt__(self, o: WordCount) -> bool:
        if self.count != o.count:
            return self.count > o.count
        return self.word < o.word

# The words of `text`, lowercased, without punctuation: "Nature's" is "natures" and
# "self-evident" is two words.
fn words_of(text: str) -> List[str]:
    var clean = text.lower()
    let replacements = [("'", ""), ("-", " "), (".", " "), (",", " "), (";", " "), (":", " ")]
    for old, new in replacements:
        clean = clean.replace(old, new)
    return clean.split()

fn count_words(words: List[str]) -> Dict[str, i64]:
    var counts = Dict[str, i64]()
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

# The longest word; among words of the same length, the alphabetically first.
fn longest(words: List[str]) -> str:
    var best = ""
    for w in words:
        if len(w) > len(best) or (len(w) == len(best) and w < best):
            best = w
    return best

# Sorts in place with `<`, which calls WordCount.__lt__.
fn insertion_sort(xs: List[WordCount]):
    for i in range(1, len(xs)):
        let held = xs[i]
        var j = i
        while j > 0 and held < xs[j - 1]:
            xs[j] = xs[j - 1]
            j -= 1
        xs[j] = held

fn main():
    let words = words_of(TEXT)
    let counts = count_words(words)
    var ranked = List[WordCount]()
    for word, count in counts.items():
        ranked.append(WordCount(count, word))
    insertion_sort(ranked)

    print("words:", len(words))
    print("distinct words:", len(counts))
    let long_word = longest(words)
    print(f"longest word: {long_word} ({len(long_word)} letters)")
    print(f"top {TOP}:")
    for i in range(min(TOP, len(ranked))):
        let entry = ranked[i]
        print(f"{i + 1:>2}. {entry.word:<8} {entry.count:>3}")

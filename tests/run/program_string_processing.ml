# Covers: a realistic program: Caesar cipher with a lookup string and find, run-length encoding, title case, counting vowels, reversing words
# Exit: 0

const ALPHABET: str = "abcdefghijklmnopqrstuvwxyz"

fn caesar(text: str, shift: i64) -> str:
    var out = ""
    for ch in text:
        let lower = ch.lower()
        let index = ALPHABET.find(lower)
        if index < 0:
            out += ch
            continue
        let shifted = ALPHABET[(index + shift) % 26]
        out += shifted.upper() if ch != lower else shifted
    return out

fn run_length(text: str) -> str:
    if len(text) == 0:
        return ""
    var out = ""
    var current = text[0]
    var count = 0
    for ch in text:
        if ch == current:
            count += 1
        else:
            out += f"{count}{current}"
            current = ch
            count = 1
    return out + f"{count}{current}"

fn title(text: str) -> str:
    var words = List[str]()
    for word in text.split(" "):
        if word == "":
            continue
        var capitalized = ""
        for i, ch in enumerate(word):
            capitalized += ch.upper() if i == 0 else ch.lower()
        words.append(capitalized)
    return " ".join(words)

fn main():
    let secret = caesar("Hello, World!", 3)
    print(secret, caesar(secret, -3), caesar("xyz", 2))
    print(run_length("aaabccddddde"), run_length("a"), run_length(""))
    print(title("the  qUICK brown FOX"))
    var words = "one two three four".split(" ")
    words.reverse()
    print(" ".join(words))

# Covers: indexing a str past its end panics (exit code 1)
# Exit: 1

fn char_at(s: str, i: i64) -> str:
    return s[i]

fn main():
    let word = "abc"
    print(char_at(word, 2))
    print(char_at(word, 3))
    print("not reached")

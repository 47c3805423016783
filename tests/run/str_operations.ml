# Covers: str +, +=, ==, <, len, indexing s[i], iteration, in, building strings in loops, immutability of values
# Exit: 0

fn reverse(s: str) -> str:
    var out = ""
    for ch in s:
        out = ch + out
    return out

fn is_palindrome(s: str) -> bool:
    var i = 0
    var j = len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True

fn main():
    let s = "stressed"
    print(len(s), s[0], s[len(s) - 1], reverse(s))
    print(is_palindrome("racecar"), is_palindrome("abca"), is_palindrome(""))
    let a = "abc"
    var b = a
    b += "def"
    print(a, b, a + b, a == "abc", a < b, "b" < "abc")
    var stars = ""
    for i in range(5):
        stars += "*"
        print(stars)
    var vowels = 0
    for ch in "programming language":
        if ch in "aeiou":
            vowels += 1
    print(vowels)

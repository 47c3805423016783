fn main():
    var word = "hello"
    word[0] = "H"
    print(word)

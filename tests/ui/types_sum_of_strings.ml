fn main():
    let words = ["a", "b", "c"]
    print(sum(words))

fn greet(name: str, punct: str = "!") -> str:
    return "hello, " + name + punct

fn main():
    print(greet("mlc", punctuation="?"))

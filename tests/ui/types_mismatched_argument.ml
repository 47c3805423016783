fn greet(name: str) -> str:
    return "hello, " + name

fn main():
    print(greet(42))

fn default_name() -> str:
    return "world"

fn greet(name: str = default_name()) -> str:
    return "hello, " + name

fn main():
    print(greet())

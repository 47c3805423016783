fn greet(name: str, punct: str = "!", times: i64 = 1) -> str:
    return name + punct

fn main():
    greet("a")
    greet("a", punct="?")
    greet(name="b", times=3,)
    print(1, 2, sep=", ", end="")

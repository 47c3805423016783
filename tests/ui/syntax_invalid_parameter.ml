fn greet(punct: str = "!", name: str) -> str:
    return name + punct

fn main():
    print(greet("!", "mlc"))

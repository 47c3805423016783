fn greet(name: str):

fn main():
    greet("mlc")

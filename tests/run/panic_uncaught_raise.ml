# Covers: an Error raised and never caught ends the program with exit code 1; finally blocks on the way still run
# Exit: 1

fn load(name: str) -> str:
    if name == "missing":
        raise Error(f"no such file: {name}")
    return "contents of " + name

fn main():
    print(load("a.txt"))
    try:
        print(load("missing"))
    finally:
        print("cleanup")
    print("not reached")

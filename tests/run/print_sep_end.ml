# Covers: print with no arguments, several arguments, sep= and end= (alone and together, empty strings), printing str values raw
# Exit: 0

fn main():
    print()
    print("a", "b", "c")
    print("a", "b", "c", sep=", ")
    print("a", "b", sep="")
    print("no newline", end="")
    print(" then newline")
    print(1, 2, 3, sep="-", end="!\n")
    print("x", end="")
    print("y", end="")
    print()
    print(1, 2.5, True, None, "s", sep=" | ")
    for i in range(3):
        print(i, end=" " if i < 2 else "\n")
    print("tab", "separated", sep="\t")
    print("", "")

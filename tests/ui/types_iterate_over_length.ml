fn main():
    let names = ["ada", "alan"]
    for i in len(names):
        print(i, names[i])

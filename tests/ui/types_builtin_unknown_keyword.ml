fn main():
    let x = 1
    print(x, seperator=", ")
    print(len(obj=[x]))

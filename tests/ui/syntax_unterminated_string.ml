fn main():
    let greeting = "hello, world
    print(greeting)

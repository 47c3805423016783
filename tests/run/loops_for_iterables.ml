# Covers: for over a List, a str, a Dict (keys), enumerate (with start=), zip of two and three iterables, nested loops
# Exit: 0

fn main():
    let fruits = ["apple", "banana", "cherry"]
    for fruit in fruits:
        print(fruit, len(fruit))
    for ch in "abc":
        print(ch, end="-")
    print()
    let stock = {"apple": 3, "pear": 0, "kiwi": 12}
    for name in stock:
        print(name, stock[name])
    for i, fruit in enumerate(fruits):
        print(i, fruit)
    for i, fruit in enumerate(fruits, start=1):
        print(i, fruit)
    let prices = [0.5, 0.25, 2.0]
    for fruit, price in zip(fruits, prices):
        print(fruit, price)
    let counts = [1, 2]
    for fruit, price, count in zip(fruits, prices, counts):
        print(fruit, price * f64(count))
    var pairs = 0
    for a in range(3):
        for b in fruits:
            pairs += 1
    print(pairs)
    for i, ch in enumerate("hey"):
        print(i, ch, end="; ")
    print()

fn main():
    var count = 0
    count.append(1)
    print(count)

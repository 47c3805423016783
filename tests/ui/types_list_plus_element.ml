fn main():
    var scores = [90, 85]
    scores = scores + 70
    print(scores)

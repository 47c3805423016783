fn main():
    var xs = []
    print(len(xs))

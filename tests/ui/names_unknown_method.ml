fn main():
    var xs = List[i64]()
    xs.push(3)
    print(len(xs))

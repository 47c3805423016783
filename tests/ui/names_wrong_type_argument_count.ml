fn main():
    var counts = Dict[str]()
    print(len(counts))

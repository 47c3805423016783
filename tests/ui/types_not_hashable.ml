fn main():
    var seen = Dict[List[i64], bool]()
    print(len(seen))

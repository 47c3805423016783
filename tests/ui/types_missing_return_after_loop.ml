fn index_of(xs: List[i64], wanted: i64) -> i64:
    for i in range(len(xs)):
        if xs[i] == wanted:
            return i

fn main():
    print(index_of([4, 5, 6], 5))

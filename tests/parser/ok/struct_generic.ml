struct Pair[A, B]:
    first: A
    second: B

struct Box[T: Numeric + Comparable]:
    value: T

    fn get(self) -> T:
        return self.value

# Covers: __lt__ and __le__ on a struct; > and >= through the swapped operands; an insertion sort through <
# Exit: 0

struct Version:
    major: i64
    minor: i64

    fn __lt__(self, o: Version) -> bool:
        if self.major != o.major:
            return self.major < o.major
        return self.minor < o.minor

    fn __le__(self, o: Version) -> bool:
        return not (o < self)

fn main():
    let a = Version(1, 2)
    let b = Version(1, 10)
    let c = Version(2, 0)
    print(a < b, b < a, a <= a, b <= a)
    print(c > b, a > c, c >= c, a >= b)
    var versions = [c, a, b, Version(0, 9)]
    for i in range(1, len(versions)):
        var j = i
        while j > 0 and versions[j] < versions[j - 1]:
            let held = versions[j]
            versions[j] = versions[j - 1]
            versions[j - 1] = held
            j -= 1
    for v in versions:
        print(v.major, v.minor)

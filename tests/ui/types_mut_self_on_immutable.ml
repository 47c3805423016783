struct Counter:
    n: i64

    fn bump(mut self):
        self.n += 1

fn main():
    let c = Counter(0)
    c.bump()
    print(c.n)

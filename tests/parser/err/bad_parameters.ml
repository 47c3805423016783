fn f(x, y: i64):
    pass

fn g(a: i64 = 1, b: i64):
    pass

struct S:
    fn m(x: i64, self):
        pass

    fn n(mut x):
        pass

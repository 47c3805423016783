fn main():
    let a = 1 +
    let b = 2
    let c = (3 *)
    print(a, b c)
    let d = 4

fn helper(x: i64) -> i64:
    return x +* 2

struct S:
    x: f64
    y f64
    fn m(self):
        return self.x

fn last():
    return 1

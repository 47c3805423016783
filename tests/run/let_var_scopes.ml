# Covers: let and var bindings, annotations, reassignment, block scopes, let shadowing
# Exit: 0

fn main():
    let a = 1
    var b = 2
    b = b + a
    print(a, b)
    let c: i64 = 5
    var d: f64 = 1.5
    d = d * 2.0
    print(c, d)
    let a = "shadowed"
    print(a)
    var total = 0
    for i in range(3):
        let square = i * i
        total += square
    print(total)
    if total > 2:
        let message = "inner"
        print(message)
    var text: str = "x"
    text = text + "y"
    print(text)
    let empty: List[str] = []
    print(len(empty))

# Covers: f-strings with expressions: arithmetic, calls, method calls, indexing, fields, conditionals, nested quotes, float and bool fields without spec
# Exit: 0

struct Item:
    name: str
    price: f64

fn double(x: i64) -> i64:
    return x * 2

fn main():
    let xs = [3, 1, 2]
    let item = Item("tea", 2.5)
    let count = 3
    print(f"sum={sum(xs)} max={max(xs)} len={len(xs)} first={xs[0]}")
    print(f"{item.name} costs {item.price} ({item.price * f64(count):.2f} for {count})")
    print(f"double: {double(21)}, upper: {item.name.upper()}, cond: {'yes' if count > 2 else 'no'}")
    print(f"{0.1 + 0.2} {1e16} {True} {None} {xs} {(1, 'a')}")
    print(f"{item}")
    var line = ""
    for i in range(3):
        line += f"<{i}:{i * i}>"
    print(line)
    let label = f"{count}" + f"{count}"
    print(label, len(f""), f"plain")

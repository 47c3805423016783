# RUN: mlc build %s --emit ir-raw | filecheck %s
# `raise`, `try`/`except`/`finally`, `assert`, and the checks that panic with a location.

fn divide(a: i64, b: i64) -> i64:
    if b == 0:
        raise Error("division by zero")
    return a // b

fn main():
    try:
        print(divide(1, 0))
    except e:
        print("caught:", e.message)
    finally:
        print("done")
    let xs = [1, 2, 3]
    assert len(xs) == 3, "three"
    print(xs[1] % 2)

# CHECK-LABEL: sym_name = "divide"
# CHECK: rt.error
# CHECK: rt.raise
# CHECK: rt.panic_if %{{[0-9]+}} {message = "division by zero"} : i1 loc("{{.*}}errors.ml":7:12)
# CHECK: arith.floordivsi
# CHECK-LABEL: sym_name = "main"
# CHECK: rt.try
# CHECK: ^bb{{[0-9]+}}(%{{[0-9]+}}: !rt.error):
# CHECK: rt.error_message
# CHECK: rt.raise
# CHECK: mem.list_new
# CHECK: rt.assert
# CHECK: mem.list_get

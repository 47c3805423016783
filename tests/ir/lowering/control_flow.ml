# RUN: mlc build %s --emit ir-raw | filecheck %s
# Structured control flow: `if`/`elif`/`else` as nested `scf.if`, `while` as `scf.while`,
# `for ... in range` as `scf.for`, `break`/`continue`/early `return` as early exits.

fn classify(n: i64) -> i64:
    if n < 0:
        return -1
    elif n == 0:
        return 0
    return 1

fn count(limit: i64) -> i64:
    var total = 0
    for i in range(limit):
        if i % 3 == 0:
            continue
        if total > 100:
            break
        total += i
    while total > 10:
        total -= 7
    return total

fn main():
    print(classify(5), count(50))

# CHECK-LABEL: func.func {function_type = (i64) -> i64, sym_name = "classify"}
# CHECK: arith.cmpi %{{[0-9]+}}, %{{[0-9]+}} {predicate = "slt"}
# CHECK: scf.if
# CHECK: func.return %{{[0-9]+}} : i64
# CHECK: scf.if
# CHECK-LABEL: sym_name = "count"
# CHECK: mem.alloca : !mem.ref<i64>
# CHECK: scf.for
# CHECK: arith.floorremsi
# CHECK: scf.continue
# CHECK: scf.break
# CHECK: arith.addi {{.*}}checked = true
# CHECK: scf.while
# CHECK: scf.condition
# CHECK-LABEL: sym_name = "main"
# CHECK: func.call %{{[0-9]+}} {callee = @classify}
# CHECK: rt.print

# RUN: mlc build %s --emit ir-low -O0 | filecheck %s --check-prefix=LOW
# A list index is checked by one branch: a negative index counts from the end (`select`
# of `i + len` when `i < 0`), and the position is compared unsigned with the length, so a
# position still negative or past the end takes the branch to the runtime's message. The
# sign test is `i < 0` so that LLVM folds it for an induction variable it knows is not
# negative (compiler/driver/tests/optimized_code.rs checks the LLVM IR of this loop).

fn reverse(xs: List[i64], k: i64):
    var i = 0
    var j = k
    while i < j:
        let t = xs[i]
        xs[i] = xs[j]
        xs[j] = t
        i += 1
        j -= 1

fn main():
    var xs = [1, 2, 3, 4, 5]
    reverse(xs, len(argv()) + 2)
    print(xs)

# LOW-LABEL: sym_name = "reverse"
# The loop body's first access, `xs[i]`:
# LOW: ^bb2:
# LOW: %[[NEGATIVE:[0-9]+]] = arith.cmpi %[[I:[0-9]+]], %{{[0-9]+}} {predicate = "slt"}
# LOW-NEXT: %[[FROM_END:[0-9]+]] = arith.addi %[[I]], %[[LENGTH:[0-9]+]] : i64
# LOW-NEXT: %[[POSITION:[0-9]+]] = arith.select %[[NEGATIVE]], %[[FROM_END]], %[[I]]
# LOW-NEXT: %[[VALID:[0-9]+]] = arith.cmpi %[[POSITION]], %[[LENGTH]] {predicate = "ult"}
# LOW-NEXT: cf.cond_br %[[VALID]]

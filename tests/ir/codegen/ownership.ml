# RUN: mlc build %s --emit ir-low -O0 | filecheck %s
# Reference counting in the low form: a borrowed parameter is retained where it is handed
# on (returned), a list element read and used at once is borrowed from the list (no count),
# a temporary is released right after its last use (before the pending-error check of the
# call that used it), an object still live when a call raises is released on the edge to
# the unwind block, and a store into a variable releases what it overwrites.

fn keep(s: str) -> str:
    return s

fn total(xs: List[str]) -> i64:
    var n = 0
    for i in range(len(xs)):
        n += len(xs[i])
    return n

fn parse_twice(text: str) -> i64:
    let padded = text + "0"
    return i64(padded) + i64(padded)

# CHECK-LABEL: sym_name = "keep"
# CHECK: ll.call %0 {callee = "mlc_retain"} : !str
# CHECK-NEXT: func.return %0 : !str

# CHECK-LABEL: sym_name = "total"
# CHECK-NOT: mlc_retain
# CHECK: %[[ELEMENT:[0-9]+]] = ll.load %{{[0-9]+}}, %{{[0-9]+}} : (!ll.ptr, i64) -> !str
# CHECK-NOT: mlc_retain
# CHECK: {callee = "mlc_str_len"}
# CHECK-NOT: mlc_release

# CHECK-LABEL: sym_name = "parse_twice"
# CHECK: %[[PADDED:[0-9]+]] = ll.call %{{[0-9]+}}, %{{[0-9]+}} {callee = "mlc_str_concat"}
# CHECK: ll.call %[[PADDED]], {{.*}} {callee = "mlc_str_to_i64"}
# CHECK-NEXT: ll.call {callee = "mlc_err_pending"}
# CHECK-NEXT: cf.cond_br %{{[0-9]+}} [^bb[[UNWIND:[0-9]+]], ^bb1]
# CHECK: ll.call %[[PADDED]], {{.*}} {callee = "mlc_str_to_i64"}
# CHECK-NEXT: ll.call %[[PADDED]] {callee = "mlc_release"} : !str
# CHECK-NEXT: ll.call {callee = "mlc_err_pending"}
# CHECK: ^bb[[UNWIND]]:
# CHECK-NEXT: ll.call %[[PADDED]] {callee = "mlc_release"} : !str

# CHECK-LABEL: sym_name = "main"
# CHECK: %[[VARIABLE:[0-9]+]] = mem.alloca : !mem.ref<!str>
# CHECK: %[[NULL:[0-9]+]] = ll.zero : !str
# CHECK-NEXT: mem.store %[[NULL]], %[[VARIABLE]]
# CHECK: %[[OLD:[0-9]+]] = mem.load %[[VARIABLE]]
# CHECK-NEXT: mem.store %{{[0-9]+}}, %[[VARIABLE]]
# CHECK-NEXT: ll.call %[[OLD]] {callee = "mlc_release"} : !str
# CHECK: {callee = "mlc_print_str"}
# CHECK: %[[LAST:[0-9]+]] = mem.load %[[VARIABLE]]
# CHECK-NEXT: ll.call %[[LAST]] {callee = "mlc_release"} : !str
# CHECK-NEXT: func.return
fn main():
    var s = "a"
    s = s + "b"
    print(keep(s), total(["xy", "z"]), parse_twice("4"))

# RUN: mlc build %s --emit ir-low -O0 | filecheck %s
# The low form of errors and panics: `try` becomes a landing pad that takes the pending
# error, the call of a raising function is followed by a check of the pending error, a
# raise branches to the landing pad, and the division's zero test calls `mlc_panic`.

fn parse(text: str) -> i64:
    if text == "":
        raise Error("empty")
    return i64(text)

fn ratio(a: i64, b: i64) -> i64:
    return a // b

# CHECK-LABEL: sym_name = "parse"
# CHECK: ll.call %{{.*}} {callee = "mlc_err_raise"}
# CHECK: ll.call %{{.*}} {callee = "mlc_str_to_i64"}
# CHECK: ll.call {callee = "mlc_err_pending"}
# CHECK: ll.zero : i64
# CHECK-LABEL: sym_name = "ratio"
# CHECK-NOT: mlc_err_pending
# CHECK: ll.cstring {value = "division by zero"}
# CHECK: {callee = "mlc_panic"}
# CHECK-NEXT: cf.unreachable
# (`parse` is small enough to be inlined into `main`: its raising cast is checked there.)
# CHECK-LABEL: sym_name = "main"
# CHECK-NOT: rt.try
# CHECK: {callee = "mlc_str_to_i64"}
# CHECK-NEXT: ll.call %{{.*}} {callee = "mlc_release"} : !str
# CHECK-NEXT: ll.call {callee = "mlc_err_pending"}
# CHECK: ll.call {callee = "mlc_err_take"} : !rt.error
# CHECK-LABEL: func.func {export = "main", function_type = (i32, !ll.ptr) -> i32, sym_name = "$entry"}
# CHECK: {callee = "mlc_rt_init"}
# CHECK: {callee = "mlc_rt_exit"}
fn main():
    try:
        print(parse("12"), ratio(7, 2))
    except e:
        print("error:", e)

# RUN: mlc build %s --emit ir-low -O0 | filecheck %s
# Python interop in the low form: each `py` op is a located call of its `mlc_py_*` runtime
# function followed by a check for a raised error (a null object result, else
# `mlc_err_pending`); a list goes to Python by pointer with
# its descriptor, an i64 through the scalar fast path; keyword names travel as one
# comma-separated constant; operators are indices into mlc-python-abi's tables (`mul` 2,
# `gt` 4); temporaries are released (`mlc_py_release`) before the error check; `raise` of a Python object unwinds through `mlc_py_raise`; `f64(o)` is
# `mlc_py_to_f64`. A call passes its arguments as 8-byte words with a string of their
# kinds (empty: all objects; `l` an i64, `d` an f64); a cast right after a call folds into
# it (`mlc_py_call_into`, with the cast's descriptor and an out-slot, its `i1` result
# saying whether it raised).
from python import numpy as np

fn scale(values: List[f64], k: i64) -> f64:
    let a = np.array(values)
    let scaled = a.sum(axis=0) * k
    if scaled > 2:
        raise np.AxisError("too big")
    return f64(scaled)

fn size(x: f64, n: i64) -> i64:
    return i64(np.size(x, n))

fn main():
    print(scale([1.0], 1))

# CHECK-LABEL: sym_name = "scale"
# CHECK: ll.cstring {value = "numpy"}
# CHECK: %[[MODULE:[0-9]+]] = ll.call {{.*}}{callee = "mlc_py_import"}
# CHECK-NEXT: %[[FAILED:[0-9]+]] = ll.is_null %[[MODULE]] : (!py.object) -> i1
# CHECK-NEXT: cf.cond_br %[[FAILED]]
# CHECK: ll.cstring {value = "array"}
# CHECK: {callee = "mlc_py_getattr"}
# CHECK: ll.cstring {value = "L[f64]"}
# CHECK: {callee = "mlc_py_from"}
# CHECK: ll.cstring {value = ""}
# CHECK: {callee = "mlc_py_call"}
# CHECK: {callee = "mlc_py_release"} : !py.object
# CHECK: ll.is_null
# CHECK: ll.cstring {value = "l"}
# CHECK-NEXT: ll.cstring {value = "axis"}
# CHECK: {callee = "mlc_py_call"}
# CHECK: {callee = "mlc_py_from_i64"}
# CHECK: arith.constant {value = 2 : i32}
# CHECK: {callee = "mlc_py_binary"}
# CHECK: arith.constant {value = 4 : i32}
# CHECK: {callee = "mlc_py_compare"}
# CHECK: {callee = "mlc_py_truthy"}
# CHECK: {callee = "mlc_err_pending"}
# CHECK: {callee = "mlc_py_raise"}
# CHECK: cf.br
# CHECK: {callee = "mlc_py_to_f64"}
# CHECK: {callee = "mlc_err_pending"}
# CHECK-LABEL: sym_name = "size"
# CHECK: ll.store %0, %[[WORDS:[0-9]+]], %{{[0-9]+}} : (f64, !ll.ptr, i64) -> ()
# CHECK: ll.store %1, %[[WORDS]], %{{[0-9]+}} : (i64, !ll.ptr, i64) -> ()
# CHECK: ll.cstring {value = "dl"}
# CHECK: ll.cstring {value = "i64"}
# CHECK: %[[RAISED:[0-9]+]] = ll.call {{.*}}{callee = "mlc_py_call_into"} : ({{.*}}) -> i1
# CHECK: cf.cond_br %[[RAISED]]
# CHECK-NOT: mlc_py_to_i64
# CHECK-LABEL: sym_name = "main"

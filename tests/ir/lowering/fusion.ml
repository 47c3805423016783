# RUN: mlc build %s --emit ir -O0 | filecheck %s
# RUN: mlc build %s --emit ir-raw | filecheck %s --check-prefix=RAW
# The issue's demonstration from source: `a * 2.0 + b` followed by `c.sum()` becomes one
# loop nest that allocates no temporary tensor.

from tensor import rand, ones

fn scaled_sum(a: Tensor[f32], b: Tensor[f32]) -> f32:
    let c = a * 2.0 + b
    return c.sum()

fn main():
    let a = rand[f32]([1024, 1024], seed=1)
    let b = ones[f32]([1024, 1024])
    print(scaled_sum(a, b))

# RAW-LABEL: sym_name = "scaled_sum"
# RAW: tensor.binary {{.*}}kind = "mul"
# RAW: tensor.binary {{.*}}kind = "add"
# RAW: tensor.reduce {{.*}}kind = "sum"

# CHECK-LABEL: sym_name = "scaled_sum"
# CHECK-NOT: tensor.empty
# CHECK-NOT: tensor.binary
# CHECK: tensor.space
# CHECK-NOT: tensor.empty
# CHECK: tensor.load_linear
# CHECK: arith.mulf
# CHECK: arith.addf
# CHECK-NOT: tensor.empty
# CHECK: func.return

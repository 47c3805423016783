//! The `@kernel` rules (E03xx).

mod support;

use expect_test::expect;
use support::check;

#[test]
fn kernel_parameters_and_return() {
    check(
        "
@kernel
fn k(a: f32, xs: List[f32], s: str, t: Tensor[f32], flag: bool) -> f32:
    return a
",
        expect![[r#"
            E0302 3:18..3:27 the `@kernel` parameter `xs` cannot have type `List[f32]`
                hint: pass a tensor instead: `xs: Tensor[f32]` (make one on the host, e.g. with `zeros`)
            E0302 3:32..3:35 the `@kernel` parameter `s` cannot have type `str`
            E0303 3:68..3:71 a `@kernel` cannot return a value
                hint: write results into a `Tensor` parameter and remove the return type
        "#]],
    );
}

#[test]
fn no_python_or_allocation_in_kernels() {
    check(
        "
from python import numpy as np
from tensor import zeros

@kernel
fn k(x: Tensor[f32]):
    let a = np.zeros(3)
    let xs = [1, 2]
    let d = {'a': 1}
    let s = 'text'
    let z = zeros[f32]([3])
    let c = x.copy()
    let shape = x.shape
    print(x[0])
    let m = Error('no')
    assert x[0] > 0.0, 'positive'
",
        expect![[r#"
            E0300 7:13..7:15 Python cannot be used inside a `@kernel`
                hint: compute the value on the host before the launch and pass it to the kernel as a parameter
            E0301 8:14..8:20 a `@kernel` cannot allocate a list
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0301 9:13..9:21 a `@kernel` cannot allocate a dict
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0301 10:13..10:19 a `@kernel` cannot allocate a string
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0301 11:13..11:28 a `@kernel` cannot allocate a tensor
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0301 12:13..12:21 a `@kernel` cannot allocate a tensor
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0301 13:17..13:24 a `@kernel` cannot allocate a list
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
            E0307 14:5..14:16 a `@kernel` cannot call `print`
                hint: write the values into a `Tensor` parameter, and print them on the host after `synchronize()`
            E0301 15:13..15:24 a `@kernel` cannot allocate an `Error`
                hint: pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory
        "#]],
    );
}

#[test]
fn launches() {
    check(
        "
@kernel
fn k(x: Tensor[f32], n: i64):
    pass

fn plain(x: Tensor[f32]):
    pass

fn f(x: Tensor[f32]):
    k(x, 1)
    plain[1, 32](x)
    k[1](x, 1)
    k[2.0, 32](x, 1)
    k[(4, 4), (8, 8, 1)](x, 1)
    k[1, 32](x)
",
        expect![[r#"
            E0304 10:5..10:6 the `@kernel` `k` must be launched with a grid and block size
                hint: launch it: `k[blocks, threads_per_block](...)`
            E0305 11:5..11:17 `plain` is not a `@kernel`, so it cannot be launched
                hint: call it directly: `plain(...)`, or mark it `@kernel`
            E0304 12:5..12:9 a launch needs `[grid, block]`, but 1 value is given
                hint: write `k[blocks, threads_per_block](...)`
            E0200 13:7..13:10 a launch dimension is an integer or a tuple of up to 3 integers, not `f64`
            E0205 15:5..15:16 missing argument `n` in the call of `k`
                hint: add `n=...` (an `i64`) to the call
        "#]],
    );
}

#[test]
fn gpu_intrinsics_only_in_kernels() {
    check(
        "
from gpu import thread_idx, barrier, shared_array, synchronize, atomic_add
import gpu

fn host(x: Tensor[f32]):
    let i = thread_idx.x
    barrier()
    let s = shared_array[f32](32)
    let j = gpu.block_idx.y
    synchronize()

@kernel
fn k(x: Tensor[f32], counts: Tensor[i64]):
    let i = thread_idx.x + gpu.block_dim.x * gpu.block_idx.x
    let tile = shared_array[f32](256)
    tile[i] = x[i]
    barrier()
    let old = atomic_add(counts, 0, 1)
    synchronize()
",
        expect![[r#"
            E0306 6:13..6:23 `thread_idx` can only be used inside a `@kernel`
                hint: mark the function `@kernel` and launch it with `f[grid, block](args)`
            E0306 7:5..7:12 `barrier` can only be used inside a `@kernel`
                hint: mark the function `@kernel` and launch it with `f[grid, block](args)`
            E0306 8:13..8:30 `shared_array` can only be used inside a `@kernel`
                hint: mark the function `@kernel` and launch it with `f[grid, block](args)`
            E0306 9:13..9:26 `block_idx` can only be used inside a `@kernel`
                hint: mark the function `@kernel` and launch it with `f[grid, block](args)`
            E0307 19:5..19:18 a `@kernel` cannot call `synchronize`
        "#]],
    );
}

#[test]
fn kernels_call_only_gpu_compatible_functions() {
    check(
        "
import math

fn square(x: f32) -> f32:
    return x * x

fn shout(x: f32) -> f32:
    print(x)
    return x

fn indirect(x: f32) -> f32:
    return shout(x)

fn names(n: i64) -> List[str]:
    return []

@kernel
fn k(x: Tensor[f32]):
    let i = 0
    x[i] = square(x[i]) + math.sqrt(x[i]) + math.pow(x[i], 2.0)
    x[i] = shout(x[i])
    x[i] = indirect(x[i])
    let n = names(1)
",
        expect![[r#"
            E0307 21:12..21:17 a `@kernel` cannot call `shout`: it calls `print`, which runs only on the host
                hint: make `shout` follow the kernel rules, or call it on the host instead
            E0307 22:12..22:20 a `@kernel` cannot call `indirect`: it calls `shout`, which calls `print`, which runs only on the host
                hint: make `indirect` follow the kernel rules, or call it on the host instead
            E0307 23:13..23:18 a `@kernel` cannot call `names`: its signature is not GPU-compatible
                hint: change the return type `List[str]` of `names` to a number, bool or `Tensor[T]`, or do this work on the host
        "#]],
    );
}

#[test]
fn generic_kernels_and_math_on_f32() {
    check(
        "
import math
from gpu import thread_idx

@kernel
fn scale[T: Float](x: Tensor[T], k: T):
    let i = thread_idx.x
    x[i] = math.exp(x[i]) * k + 1.0

fn main():
    pass
",
        expect![[r#"
            scale: i: i64
        "#]],
    );
}

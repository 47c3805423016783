//! Times the runtime's matrix product: `cargo run --release -p mlc-runtime --example
//! matmul_bench [n]` multiplies two `n x n` matrices (default 1024) of `f32` and `f64` and
//! prints the best time of a few runs and the rate in GFLOP/s.

use std::ffi::c_char;
use std::time::Instant;

use mlc_runtime::list::{mlc_list_append, mlc_list_new};
use mlc_runtime::object::mlc_release;
use mlc_runtime::tensor::matmul::mlc_tensor_matmul;
use mlc_runtime::tensor::random::mlc_tensor_random;

const FILE: *const c_char = c"bench".as_ptr();

fn main() {
    let n: i64 = std::env::args().nth(1).and_then(|arg| arg.parse().ok()).unwrap_or(1024);
    for (elem, name) in [(c"f32", "f32"), (c"f64", "f64")] {
        // SAFETY: descriptors, a shape list and the tensors made from it.
        unsafe {
            let shape = mlc_list_new(c"i64".as_ptr(), 2);
            mlc_list_append(shape, (&n as *const i64).cast());
            mlc_list_append(shape, (&n as *const i64).cast());
            let a = mlc_tensor_random(shape, 1, elem.as_ptr(), false, FILE, 1, 1);
            let b = mlc_tensor_random(shape, 2, elem.as_ptr(), false, FILE, 1, 1);
            let mut best = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                let c = mlc_tensor_matmul(a, b, FILE, 1, 1);
                best = best.min(start.elapsed().as_secs_f64());
                mlc_release(c);
            }
            let flops = 2.0 * (n as f64).powi(3);
            println!("{name} {n}x{n}: {:.2} ms, {:.1} GFLOP/s", best * 1e3, flops / best / 1e9);
            for handle in [shape, a, b] {
                mlc_release(handle);
            }
        }
    }
}

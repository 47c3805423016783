//! Every code block of LANGUAGE.md (kept verbatim in `examples/`) checks as a program with
//! zero diagnostics, with the types shown.

mod support;

use expect_test::expect;
use support::check_program;

#[test]
fn declarations_and_statements() {
    check_program(
        include_str!("../../../examples/language_tour.ml"),
        expect![[r#"
        main: v: Vec3, w: Vec3, total: i64, xs: List[f64], counts: Dict[str, i64], pair: (i64, f64), a: i64, b: f64
    "#]],
    );
}

#[test]
fn python_interop() {
    check_program(
        include_str!("../../../examples/python_interop.ml"),
        expect![[r#"
        main: t: PyObject, s: PyObject, total: i64, arr: PyObject, view: Tensor[f64], back: PyObject, bad: PyObject
    "#]],
    );
}

#[test]
fn tensors() {
    check_program(
        include_str!("../../../examples/tensors.ml"),
        expect![[r#"
        main: a: Tensor[f32], b: Tensor[f32], c: Tensor[f32], d: Tensor[f32], z: Tensor[f64]
    "#]],
    );
}

#[test]
fn gpu_kernels() {
    check_program(
        include_str!("../../../examples/saxpy_kernel.ml"),
        expect![[r#"
        saxpy: i: i64
        main: n: i64, x: Tensor[f32], y: Tensor[f32], out: Tensor[f32]
    "#]],
    );
}

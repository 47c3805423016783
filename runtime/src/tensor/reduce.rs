//! Reductions of a whole tensor to one element: `sum`, `max`, `min`, `mean`.
//!
//! They compute exactly what the fused loops of `tensor-to-loops` compute, so a program
//! prints the same whether a reduction was fused or not: `sum` adds in row-major order in
//! the element type starting from zero, `max`/`min` start from the first element (an empty
//! tensor panics) and propagate NaN, `mean` of floats divides the sum by the count in the
//! element type (NaN when empty). `mean` of integers, which the fused loops leave to the
//! runtime, is the floored quotient of the (wrapping) sum by the count, as Python's
//! `sum(xs) // len(xs)`; an empty integer tensor panics.

use std::ffi::{c_char, CStr};

use crate::abi::exports;
use crate::object::Handle;
use crate::panic::{panic_at, Loc};
use crate::value;

use super::dtype::{dispatch, DType, Element, Scalar};
use super::{for_each_offset, get, TensorObj};

/// The reductions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReduceKind {
    Sum,
    Max,
    Min,
    Mean,
}

fn fold<T: Element>(tensor: &TensorObj, init: T, mut f: impl FnMut(T, T) -> T) -> T {
    let mut acc = init;
    if tensor.is_contiguous() {
        let data = tensor.data().cast::<T>();
        for i in 0..tensor.numel() {
            // SAFETY: `i < numel` in a contiguous tensor of `T`.
            acc = f(acc, unsafe { *data.add(i) });
        }
    } else {
        for_each_offset(tensor.shape(), tensor.strides(), |_, offset| {
            // SAFETY: an element of the tensor.
            acc = f(acc, unsafe { value::read::<T>(tensor.at(offset)) });
        });
    }
    acc
}

/// The reduction of `tensor` by `kind`.
pub fn reduce<T: Element>(tensor: &TensorObj, kind: ReduceKind, loc: Loc) -> T {
    let name = format!("{kind:?}").to_lowercase();
    let n = tensor.numel();
    match kind {
        ReduceKind::Sum => fold(tensor, T::zero(), T::add),
        ReduceKind::Max | ReduceKind::Min => {
            if n == 0 {
                panic_at(&format!("{name}() of an empty tensor"), loc);
            }
            // SAFETY: a nonempty tensor has a first element.
            let first = unsafe { value::read::<T>(tensor.data()) };
            let (max, mut started) = (kind == ReduceKind::Max, false);
            fold(tensor, first, |acc, x| {
                // The first element is the start value: skip it once.
                if !started {
                    started = true;
                    return acc;
                }
                if max {
                    acc.maximum(x)
                } else {
                    acc.minimum(x)
                }
            })
        }
        ReduceKind::Mean => {
            if T::DTYPE == DType::Bool {
                panic_at("`mean` is not defined on Tensor[bool]", loc);
            }
            let sum = fold(tensor, T::zero(), T::add);
            let count = T::from_scalar(Scalar::Int(n as i128));
            if T::DTYPE.is_float() {
                sum.div(count)
            } else if n == 0 {
                panic_at("mean() of an empty tensor", loc)
            } else {
                match (sum.to_scalar(), n as i128) {
                    (Scalar::Int(total), count) => {
                        T::from_scalar(Scalar::Int(total.div_euclid(count)))
                    }
                    _ => sum,
                }
            }
        }
    }
}

fn parse_kind(kind: *const c_char) -> ReduceKind {
    // SAFETY: generated code passes a C string.
    let name = unsafe { CStr::from_ptr(kind) }.to_string_lossy();
    match &*name {
        "sum" => ReduceKind::Sum,
        "max" => ReduceKind::Max,
        "min" => ReduceKind::Min,
        "mean" => ReduceKind::Mean,
        _ => crate::panic::internal(&format!("unknown reduction `{name}`")),
    }
}

exports! {
    /// `t.sum()`, `t.max()`, `t.min()`, `t.mean()` written to `out` (an element).
    fn mlc_tensor_reduce(t: Handle, kind: *const c_char, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live tensor.
        let tensor = unsafe { get(t) };
        let kind = parse_kind(kind);
        let loc = Loc::new(file, line, col);
        dispatch!(tensor.dtype(), T => {
            let result: T = reduce(tensor, kind, loc);
            // SAFETY: room for an element at `out`.
            unsafe { value::write(out, result) };
        })
    }
}

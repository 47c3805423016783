//! Elementwise tensor operations with numpy broadcasting, and the loop-level functions
//! that `tensor-to-loops` emits for fused loops.
//!
//! Broadcasting aligns shapes on the right; each dimension pair must be equal or one of
//! them 1. A scalar operand broadcasts everywhere. Results are new contiguous tensors.
//! Contiguous operands of the result's shape take a straight loop that LLVM vectorizes;
//! others walk their strides (0 on broadcast dimensions).

use std::ffi::{c_char, CStr};
use std::ptr;

use crate::abi::exports;
use crate::desc;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::{panic_at, Loc};
use crate::value;

use super::dtype::{dispatch, BinaryKind, DType, Element, UnaryKind};
use super::{for_each_offsets, get, new_tensor, shape_text, TensorObj};

/// The broadcast shape of two shapes, or `None` when they do not broadcast.
pub fn broadcast_shapes(a: &[i64], b: &[i64]) -> Option<Vec<i64>> {
    let rank = a.len().max(b.len());
    let mut shape = vec![0; rank];
    for d in 0..rank {
        let x = if d + a.len() >= rank { a[d + a.len() - rank] } else { 1 };
        let y = if d + b.len() >= rank { b[d + b.len() - rank] } else { 1 };
        shape[d] = match (x, y) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(shape)
}

/// The strides that read `tensor` broadcast to `shape` (0 along broadcast dimensions).
pub fn broadcast_strides(tensor: &TensorObj, shape: &[i64]) -> Vec<i64> {
    let rank = shape.len();
    let own = tensor.rank();
    (0..rank)
        .map(|d| {
            if d + own < rank {
                0
            } else {
                let k = d + own - rank;
                if tensor.shape()[k] == 1 && shape[d] != 1 {
                    0
                } else {
                    tensor.strides()[k]
                }
            }
        })
        .collect()
}

fn mismatch(a: &[i64], b: &[i64], loc: Loc) -> ! {
    panic_at(
        &format!("shapes {} and {} cannot be broadcast together", shape_text(a), shape_text(b)),
        loc,
    )
}

/// One operand of an elementwise operation, read as `T`.
#[derive(Clone)]
struct Input {
    data: *const u8,
    /// Strides under the result's shape.
    strides: Vec<i64>,
    /// Contiguous with exactly the result's shape.
    dense: bool,
    scalar: bool,
}

impl Input {
    fn tensor(tensor: &TensorObj, shape: &[i64]) -> Input {
        Input {
            data: tensor.data(),
            strides: broadcast_strides(tensor, shape),
            dense: tensor.shape() == shape && tensor.is_contiguous(),
            scalar: false,
        }
    }

    fn scalar(data: *const u8, rank: usize) -> Input {
        Input { data, strides: vec![0; rank], dense: false, scalar: true }
    }

    /// The element at position `i` (dense) or offset `offset` (strided).
    ///
    /// # Safety
    ///
    /// The position is within the operand.
    #[inline(always)]
    unsafe fn read<T: Element>(&self, i: usize, offset: isize) -> T {
        // SAFETY: per the contract above.
        unsafe {
            if self.scalar {
                value::read::<T>(self.data)
            } else if self.dense {
                *self.data.cast::<T>().add(i)
            } else {
                *self.data.cast::<T>().offset(offset)
            }
        }
    }
}

/// Writes `f(a[i], b[i])` for every position of `shape` into the contiguous `out`;
/// returns false if `f` failed somewhere (the element is then 0).
///
/// # Safety
///
/// `a` and `b` hold `T`s at every position of `shape`; `out` holds `numel` `U`s.
#[inline(always)]
unsafe fn apply2<T: Element, U: Element>(
    shape: &[i64],
    a: &Input,
    b: &Input,
    out: *mut U,
    f: impl Fn(T, T) -> Option<U>,
) -> bool {
    let n = super::checked_numel(shape).unwrap_or(0);
    if n == 0 {
        return true;
    }
    let mut ok = true;
    // SAFETY: per the contract above; dense operands are aligned contiguous `T`s.
    unsafe {
        if (a.dense || a.scalar) && (b.dense || b.scalar) {
            if a.dense && b.dense {
                let (x, y) = (a.data.cast::<T>(), b.data.cast::<T>());
                for i in 0..n {
                    match f(*x.add(i), *y.add(i)) {
                        Some(v) => *out.add(i) = v,
                        None => ok = false,
                    }
                }
            } else if a.dense {
                let (x, s) = (a.data.cast::<T>(), value::read::<T>(b.data));
                for i in 0..n {
                    match f(*x.add(i), s) {
                        Some(v) => *out.add(i) = v,
                        None => ok = false,
                    }
                }
            } else if b.dense {
                let (s, y) = (value::read::<T>(a.data), b.data.cast::<T>());
                for i in 0..n {
                    match f(s, *y.add(i)) {
                        Some(v) => *out.add(i) = v,
                        None => ok = false,
                    }
                }
            } else {
                let (s, t) = (value::read::<T>(a.data), value::read::<T>(b.data));
                for i in 0..n {
                    match f(s, t) {
                        Some(v) => *out.add(i) = v,
                        None => ok = false,
                    }
                }
            }
            return ok;
        }
        for_each_offsets(shape, [&a.strides, &b.strides], |i, [p, q]| {
            match f(a.read(i, p), b.read(i, q)) {
                Some(v) => *out.add(i) = v,
                None => ok = false,
            }
        });
    }
    ok
}

/// `a <kind> b` on element type `T`, into a new tensor of `shape`.
fn binary_typed<T: Element>(
    shape: Vec<i64>,
    a: &Input,
    b: &Input,
    kind: BinaryKind,
    loc: Loc,
) -> Handle {
    if !T::supports_binary(kind) {
        panic_at(
            &format!(
                "`{}` is not defined on Tensor[{}]",
                format!("{kind:?}").to_lowercase(),
                T::DTYPE.name()
            ),
            loc,
        );
    }
    let float = T::DTYPE.is_float();
    let out_dtype = if kind == BinaryKind::Div && !float { DType::F64 } else { T::DTYPE };
    let handle = new_tensor(out_dtype, shape.clone(), Some(loc));
    // SAFETY: a fresh contiguous tensor of `out_dtype`.
    let out = unsafe { get(handle) }.data();
    // SAFETY: the inputs cover `shape`; `out` holds its elements.
    let ok = unsafe {
        let o = out.cast::<T>();
        match kind {
            BinaryKind::Add => apply2(&shape, a, b, o, |x: T, y| Some(x.add(y))),
            BinaryKind::Sub => apply2(&shape, a, b, o, |x: T, y| Some(x.sub(y))),
            BinaryKind::Mul => apply2(&shape, a, b, o, |x: T, y| Some(x.mul(y))),
            BinaryKind::Div if float => apply2(&shape, a, b, o, |x: T, y| Some(x.div(y))),
            BinaryKind::Div => {
                apply2(&shape, a, b, out.cast::<f64>(), |x: T, y: T| Some(x.to_f64() / y.to_f64()))
            }
            BinaryKind::FloorDiv => apply2(&shape, a, b, o, |x: T, y| x.floor_div(y)),
            BinaryKind::Mod => apply2(&shape, a, b, o, |x: T, y| x.modulo(y)),
            BinaryKind::Pow => apply2(&shape, a, b, o, |x: T, y| x.pow(y)),
            BinaryKind::Max => apply2(&shape, a, b, o, |x: T, y| Some(x.maximum(y))),
            BinaryKind::Min => apply2(&shape, a, b, o, |x: T, y| Some(x.minimum(y))),
        }
    };
    if !ok {
        // SAFETY: the result we made and no longer return.
        unsafe { object::release(handle) };
        let message = match kind {
            BinaryKind::Pow => "negative exponent in an integer power",
            _ => "division by zero",
        };
        panic_at(message, loc);
    }
    handle
}

fn parse_binary(kind: *const c_char) -> BinaryKind {
    // SAFETY: generated code passes a C string.
    let name = unsafe { CStr::from_ptr(kind) }.to_string_lossy();
    BinaryKind::parse(&name)
        .unwrap_or_else(|| crate::panic::internal(&format!("unknown binary kind `{name}`")))
}

fn parse_unary(kind: *const c_char) -> UnaryKind {
    // SAFETY: generated code passes a C string.
    let name = unsafe { CStr::from_ptr(kind) }.to_string_lossy();
    UnaryKind::parse(&name)
        .unwrap_or_else(|| crate::panic::internal(&format!("unknown unary kind `{name}`")))
}

/// `a <kind> b` on two tensors.
pub fn binary(a: &TensorObj, b: &TensorObj, kind: BinaryKind, loc: Loc) -> Handle {
    if a.dtype() != b.dtype() {
        crate::panic::internal("tensor operands of different element types");
    }
    let shape = broadcast_shapes(a.shape(), b.shape())
        .unwrap_or_else(|| mismatch(a.shape(), b.shape(), loc));
    let (x, y) = (Input::tensor(a, &shape), Input::tensor(b, &shape));
    dispatch!(a.dtype(), T => binary_typed::<T>(shape, &x, &y, kind, loc))
}

/// `a <kind> s` (or `s <kind> a`) with a scalar at `scalar`.
///
/// # Safety
///
/// `scalar` points to an element of `a`'s type.
pub unsafe fn binary_scalar(
    a: &TensorObj,
    scalar: *const u8,
    on_left: bool,
    kind: BinaryKind,
    loc: Loc,
) -> Handle {
    let shape = a.shape().to_vec();
    let x = Input::tensor(a, &shape);
    let s = Input::scalar(scalar, shape.len());
    let (left, right) = if on_left { (&s, &x) } else { (&x, &s) };
    dispatch!(a.dtype(), T => binary_typed::<T>(shape, left, right, kind, loc))
}

fn unary_typed<T: Element>(a: &TensorObj, kind: UnaryKind, loc: Loc) -> Handle {
    if !T::supports_unary(kind) {
        panic_at(
            &format!(
                "`{}` is not defined on Tensor[{}]",
                format!("{kind:?}").to_lowercase(),
                T::DTYPE.name()
            ),
            loc,
        );
    }
    let shape = a.shape().to_vec();
    let handle = new_tensor(T::DTYPE, shape.clone(), Some(loc));
    // SAFETY: a fresh contiguous tensor of `T`.
    let out = unsafe { get(handle) }.data().cast::<T>();
    let x = Input::tensor(a, &shape);
    let none = Input::scalar(ptr::null(), shape.len());
    // SAFETY: `x` covers `shape`; the second operand is never read (`_` below).
    unsafe {
        let none = Input { data: x.data, ..none };
        match kind {
            UnaryKind::Neg => apply2(&shape, &x, &none, out, |v: T, _| Some(v.neg())),
            UnaryKind::Abs => apply2(&shape, &x, &none, out, |v: T, _| Some(v.abs())),
            UnaryKind::Invert => apply2(&shape, &x, &none, out, |v: T, _| Some(v.invert())),
            other => apply2(&shape, &x, &none, out, |v: T, _| Some(v.float_fn(other))),
        };
    }
    handle
}

/// The object behind `!tensor.space`: the broadcast shape of some tensors.
#[repr(C)]
pub struct SpaceObj {
    header: Header,
    shape: Vec<i64>,
    size: i64,
}

static SPACE_VTABLE: VTable = VTable { name: "tensor.space", drop: drop_space, write: write_space };

// SAFETY: `#[repr(C)]` with the header first; only this module uses `SPACE_VTABLE`.
unsafe impl Object for SpaceObj {
    const VTABLE: &'static VTable = &SPACE_VTABLE;
}

unsafe fn drop_space(handle: Handle) {
    // SAFETY: spaces are made by `object::allocate`; this is the last reference.
    unsafe { object::free::<SpaceObj>(handle) };
}

unsafe fn write_space(handle: Handle, out: &mut String, _repr: bool) {
    // SAFETY: the vtable is only reached through live spaces.
    let space = unsafe { object::cast::<SpaceObj>(handle) };
    out.push_str(&format!("<space {}>", shape_text(&space.shape)));
}

impl SpaceObj {
    pub fn shape(&self) -> &[i64] {
        &self.shape
    }
}

/// The element offset in `tensor` of position `i` of a space of `shape`.
fn linear_offset(tensor: &TensorObj, shape: &[i64], mut i: i64) -> isize {
    let rank = shape.len();
    let own = tensor.rank();
    let mut offset = 0isize;
    for d in (0..rank).rev() {
        let extent = shape[d].max(1);
        let index = i % extent;
        i /= extent;
        if d + own >= rank {
            let k = d + own - rank;
            if tensor.shape()[k] != 1 {
                offset += (index * tensor.strides()[k]) as isize;
            }
        }
    }
    offset
}

exports! {
    /// `a <kind> b` with broadcasting (`kind`: `add sub mul div floordiv mod pow max min`;
    /// integer `div` gives an `f64` tensor).
    fn mlc_tensor_binary(a: Handle, b: Handle, kind: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: live tensors.
        let (x, y) = unsafe { (get(a), get(b)) };
        binary(x, y, parse_binary(kind), Loc::new(file, line, col))
    }

    /// `a <kind> *s` (or `*s <kind> a` when `scalar_on_left`).
    fn mlc_tensor_binary_scalar(a: Handle, s: *const u8, scalar_on_left: bool, kind: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a live tensor and an element at `s`.
        unsafe { binary_scalar(get(a), s, scalar_on_left, parse_binary(kind), Loc::new(file, line, col)) }
    }

    /// `<kind>(a)` elementwise (`neg invert exp log sqrt abs sin cos tanh`).
    fn mlc_tensor_unary(a: Handle, kind: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a live tensor.
        let tensor = unsafe { get(a) };
        let kind = parse_unary(kind);
        dispatch!(tensor.dtype(), T => unary_typed::<T>(tensor, kind, Loc::new(file, line, col)))
    }

    /// `t` broadcast to the shape of `like` (a new tensor); shapes that do not broadcast
    /// that way panic.
    fn mlc_tensor_broadcast(t: Handle, like: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: live tensors.
        let (tensor, target) = unsafe { (get(t), get(like)) };
        let shape = target.shape().to_vec();
        if broadcast_shapes(tensor.shape(), &shape).as_deref() != Some(&shape[..]) {
            mismatch(tensor.shape(), &shape, Loc::new(file, line, col));
        }
        let strides = broadcast_strides(tensor, &shape);
        let handle = new_tensor(tensor.dtype(), shape.clone(), None);
        // SAFETY: the tensor we just made.
        let out = unsafe { get(handle) };
        let size = tensor.dtype().size();
        super::for_each_offset(&shape, &strides, |i, offset| {
            // SAFETY: an element of each.
            unsafe { ptr::copy_nonoverlapping(tensor.at(offset), out.at(i as isize), size) };
        });
        handle
    }

    /// The iteration space of `n` tensors (an array of handles): their broadcast shape.
    fn mlc_tensor_space(tensors: *const Handle, n: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: an array of `n` live tensors.
        let tensors = unsafe { std::slice::from_raw_parts(tensors, n.max(0) as usize) };
        let mut shape: Vec<i64> = Vec::new();
        for &handle in tensors {
            // SAFETY: a live tensor.
            let tensor = unsafe { get(handle) };
            shape = broadcast_shapes(&shape, tensor.shape())
                .unwrap_or_else(|| mismatch(&shape, tensor.shape(), Loc::new(file, line, col)));
        }
        let size = super::checked_numel(&shape).unwrap_or(0) as i64;
        object::allocate(SpaceObj { header: Header::new(&SPACE_VTABLE), shape, size })
    }

    /// The number of positions of a space.
    fn mlc_space_size(s: Handle) -> i64 {
        // SAFETY: a live space.
        unsafe { object::cast::<SpaceObj>(s) }.size
    }

    /// A new tensor of the space's shape with elements `elem`, unset: the fused loop that
    /// asked for it writes every element.
    fn mlc_tensor_empty(s: Handle, elem: *const c_char) -> Handle {
        // SAFETY: a live space and a descriptor string.
        let (space, elem) = unsafe { (object::cast::<SpaceObj>(s), desc::from_cstr(elem)) };
        super::new_tensor_unset(super::dtype_of(elem), space.shape.clone(), None)
    }

    /// The element of `t` at position `i` of the space `s` (broadcasting), to `out`.
    fn mlc_tensor_load_linear(t: Handle, s: Handle, i: i64, out: *mut u8) {
        // SAFETY: a live tensor and space.
        let (tensor, space) = unsafe { (get(t), object::cast::<SpaceObj>(s)) };
        if i < 0 || i >= space.size {
            crate::panic::internal(&format!("position {i} outside a space of {} positions", space.size));
        }
        let offset = if tensor.shape() == space.shape() && tensor.is_contiguous() {
            i as isize
        } else {
            linear_offset(tensor, &space.shape, i)
        };
        // SAFETY: an element of the tensor; room for one at `out`.
        unsafe { ptr::copy_nonoverlapping(tensor.at(offset), out, tensor.dtype().size()) };
    }

    /// Stores `*v` at position `i` of `t` (a tensor made by `mlc_tensor_empty`).
    fn mlc_tensor_store_linear(t: Handle, i: i64, v: *const u8) {
        // SAFETY: a live tensor.
        let tensor = unsafe { get(t) };
        if i < 0 || i as usize >= tensor.numel() {
            crate::panic::internal(&format!("position {i} outside a tensor of {} elements", tensor.numel()));
        }
        let shape = tensor.shape().to_vec();
        let offset = if tensor.is_contiguous() { i as isize } else { linear_offset(tensor, &shape, i) };
        // SAFETY: an element of the tensor; a valid element at `v`.
        unsafe { ptr::copy(v, tensor.at(offset), tensor.dtype().size()) };
    }

    /// Whether `t` is contiguous with exactly the space's shape, so that position `i` of
    /// the space is at `mlc_tensor_data(t) + i * size`.
    fn mlc_tensor_is_dense_like(t: Handle, s: Handle) -> bool {
        // SAFETY: a live tensor and space.
        let (tensor, space) = unsafe { (get(t), object::cast::<SpaceObj>(s)) };
        tensor.shape() == space.shape() && tensor.is_contiguous()
    }

    /// `t` itself (a new reference) when it is dense like the space `s`, else a contiguous
    /// copy of `t` broadcast to the space's shape: what a fused loop reads element `i` of at
    /// `data + i * size`, with no per-element call.
    fn mlc_tensor_dense_for(t: Handle, s: Handle) -> Handle {
        // SAFETY: a live tensor and space.
        let (tensor, space) = unsafe { (get(t), object::cast::<SpaceObj>(s)) };
        if tensor.shape() == space.shape() && tensor.is_contiguous() {
            // SAFETY: a live handle; the caller owns the new reference.
            unsafe { object::retain(t) };
            return t;
        }
        let shape = space.shape().to_vec();
        let strides = broadcast_strides(tensor, &shape);
        let handle = new_tensor(tensor.dtype(), shape.clone(), None);
        // SAFETY: the tensor we just made.
        let out = unsafe { get(handle) };
        let size = tensor.dtype().size();
        super::for_each_offset(&shape, &strides, |i, offset| {
            // SAFETY: an element of each.
            unsafe { ptr::copy_nonoverlapping(tensor.at(offset), out.at(i as isize), size) };
        });
        handle
    }
}

#[cfg(test)]
mod tests {
    use super::broadcast_shapes;

    #[test]
    fn broadcasting_follows_numpy() {
        assert_eq!(broadcast_shapes(&[2, 3], &[3]), Some(vec![2, 3]));
        assert_eq!(broadcast_shapes(&[3, 1], &[1, 4]), Some(vec![3, 4]));
        assert_eq!(broadcast_shapes(&[], &[5]), Some(vec![5]));
        assert_eq!(broadcast_shapes(&[2, 1, 3], &[4, 1]), Some(vec![2, 4, 3]));
        assert_eq!(broadcast_shapes(&[0], &[1]), Some(vec![0]));
        assert_eq!(broadcast_shapes(&[2, 3], &[2]), None);
    }
}

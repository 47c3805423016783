//! `Tensor[T]`: n-dimensional arrays of numbers or `bool`.
//!
//! A tensor is a view on a shared, reference-counted [`Buffer`]: its element type, shape,
//! strides (in elements, possibly negative or zero) and the offset of its first element.
//! Tensors the runtime makes are contiguous row-major; a slice is a view of the same
//! buffer (writes through it are seen by the original, as in numpy), and a buffer may come
//! from elsewhere (a Python buffer, later) with a release function of its own.
//!
//! Modules: [`dtype`] (element types and their arithmetic), [`elementwise`] (binary and
//! unary operations with numpy broadcasting, and the loop-level functions that fused loops
//! call), [`reduce`], [`matmul`], [`random`] and [`view`] (slices).
//!
//! Text: `Tensor[f64]([[0.0, 1.0], [2.0, 3.0]])` with the elements as `print` writes them
//! (up to 1000 elements), else `Tensor[f32](shape=[1024, 1024])`.

pub mod dtype;
pub mod elementwise;
pub mod matmul;
mod pool;
pub mod random;
pub mod reduce;
pub mod view;

use std::alloc::Layout;
use std::ffi::{c_char, c_void, CStr};
use std::fmt::Write;
use std::ptr;
use std::rc::Rc;

use crate::abi::exports;
use crate::desc::{self, TypeDesc};
use crate::list;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::{panic_at, Loc};
use crate::value;

use dtype::{dispatch, DType, Element, Scalar};

/// Alignment of buffers the runtime allocates: a cache line, so vector loads never split.
const BUFFER_ALIGN: usize = 64;

/// Tensors with more elements print as their shape only.
const PRINT_LIMIT: usize = 1000;

/// Who frees a buffer's memory.
enum Owner {
    /// Allocated by the runtime with this layout (size 0: nothing allocated).
    Runtime(Layout),
    /// Memory from elsewhere: `release(context)` when the buffer is dropped.
    External { release: unsafe fn(*mut c_void), context: *mut c_void },
}

/// The memory of one or more tensors.
pub struct Buffer {
    ptr: *mut u8,
    owner: Owner,
}

impl Buffer {
    /// `bytes` bytes, zeroed when `zeroed` (else with unspecified contents).
    fn new(bytes: usize, zeroed: bool) -> Buffer {
        let layout = match Layout::from_size_align(bytes, BUFFER_ALIGN) {
            Ok(layout) => layout,
            Err(_) => crate::panic::internal("tensor too large"),
        };
        if bytes == 0 {
            return Buffer {
                ptr: ptr::without_provenance_mut(BUFFER_ALIGN),
                owner: Owner::Runtime(layout),
            };
        }
        let ptr = pool::allocate(layout, zeroed);
        Buffer { ptr, owner: Owner::Runtime(layout) }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        match self.owner {
            Owner::Runtime(layout) => {
                if layout.size() > 0 {
                    // SAFETY: allocated by `pool::allocate` with this layout.
                    unsafe { pool::free(self.ptr, layout) };
                }
            }
            Owner::External { release, context } => {
                // SAFETY: the creator of the buffer gave this function for its memory.
                unsafe { release(context) };
            }
        }
    }
}

/// A tensor object.
#[repr(C)]
pub struct TensorObj {
    header: Header,
    elem: &'static TypeDesc,
    dtype: DType,
    shape: Box<[i64]>,
    /// In elements.
    strides: Box<[i64]>,
    /// Of the first element from the buffer's start, in elements.
    offset: isize,
    buffer: Rc<Buffer>,
}

static VTABLE: VTable = VTable { name: "Tensor", drop: drop_tensor, write: write_tensor };

// SAFETY: `#[repr(C)]` with the header first; only this module uses `VTABLE`.
unsafe impl Object for TensorObj {
    const VTABLE: &'static VTable = &VTABLE;
}

unsafe fn drop_tensor(handle: Handle) {
    // SAFETY: tensors are made by `object::allocate`; this is the last reference.
    unsafe { object::free::<TensorObj>(handle) };
}

/// Row-major strides of a shape.
pub fn contiguous_strides(shape: &[i64]) -> Vec<i64> {
    let mut strides = vec![0; shape.len()];
    let mut stride = 1i64;
    for d in (0..shape.len()).rev() {
        strides[d] = stride;
        stride = stride.wrapping_mul(shape[d].max(1));
    }
    strides
}

/// The number of elements of a shape, `None` on overflow.
pub fn checked_numel(shape: &[i64]) -> Option<usize> {
    shape.iter().try_fold(1usize, |n, &d| n.checked_mul(usize::try_from(d).ok()?))
}

/// `[2, 3]`.
pub fn shape_text(shape: &[i64]) -> String {
    let parts: Vec<String> = shape.iter().map(i64::to_string).collect();
    format!("[{}]", parts.join(", "))
}

/// The element descriptor of a dtype.
pub fn elem_desc(dtype: DType) -> &'static TypeDesc {
    match dtype {
        DType::Bool => crate::static_desc!("b"),
        DType::I8 => crate::static_desc!("i8"),
        DType::I16 => crate::static_desc!("i16"),
        DType::I32 => crate::static_desc!("i32"),
        DType::I64 => crate::static_desc!("i64"),
        DType::U8 => crate::static_desc!("u8"),
        DType::U16 => crate::static_desc!("u16"),
        DType::U32 => crate::static_desc!("u32"),
        DType::U64 => crate::static_desc!("u64"),
        DType::F16 => crate::static_desc!("f16"),
        DType::BF16 => crate::static_desc!("bf16"),
        DType::F32 => crate::static_desc!("f32"),
        DType::F64 => crate::static_desc!("f64"),
    }
}

/// The element type of a descriptor, or an internal error.
pub fn dtype_of(elem: &TypeDesc) -> DType {
    DType::from_desc(elem).unwrap_or_else(|| {
        crate::panic::internal(&format!("`{elem}` is not a tensor element type"))
    })
}

/// A new zero-filled contiguous tensor; a shape whose size overflows panics.
pub fn new_tensor(dtype: DType, shape: Vec<i64>, loc: Option<Loc>) -> Handle {
    tensor_of_shape(dtype, shape, loc, true)
}

/// A new contiguous tensor whose elements are unset: for a caller that writes every one.
pub fn new_tensor_unset(dtype: DType, shape: Vec<i64>, loc: Option<Loc>) -> Handle {
    tensor_of_shape(dtype, shape, loc, false)
}

fn tensor_of_shape(dtype: DType, shape: Vec<i64>, loc: Option<Loc>, zeroed: bool) -> Handle {
    let Some(bytes) = checked_numel(&shape).and_then(|n| n.checked_mul(dtype.size())) else {
        let message = format!("tensor of shape {} is too large", shape_text(&shape));
        match loc {
            Some(loc) => panic_at(&message, loc),
            None => crate::panic::internal(&message),
        }
    };
    if bytes > isize::MAX as usize {
        crate::panic::internal("tensor too large");
    }
    let strides = contiguous_strides(&shape);
    object::allocate(TensorObj {
        header: Header::new(&VTABLE),
        elem: elem_desc(dtype),
        dtype,
        shape: shape.into(),
        strides: strides.into(),
        offset: 0,
        buffer: Rc::new(Buffer::new(bytes, zeroed)),
    })
}

/// A tensor on memory owned elsewhere (a Python buffer): `release(context)` runs when the
/// last tensor using it is dropped.
///
/// # Safety
///
/// `data` holds elements of `dtype` at every offset the shape and strides (in elements)
/// reach, valid until `release(context)`.
pub unsafe fn external_tensor(
    dtype: DType,
    shape: Vec<i64>,
    strides: Vec<i64>,
    data: *mut u8,
    release: unsafe fn(*mut c_void),
    context: *mut c_void,
) -> Handle {
    object::allocate(TensorObj {
        header: Header::new(&VTABLE),
        elem: elem_desc(dtype),
        dtype,
        shape: shape.into(),
        strides: strides.into(),
        offset: 0,
        buffer: Rc::new(Buffer { ptr: data, owner: Owner::External { release, context } }),
    })
}

/// The tensor behind a handle.
///
/// # Safety
///
/// `handle` is a live tensor handle, which outlives the returned reference.
#[inline]
pub unsafe fn get<'a>(handle: Handle) -> &'a TensorObj {
    // SAFETY: the caller passes a live tensor.
    unsafe { object::cast::<TensorObj>(handle) }
}

impl TensorObj {
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    pub fn elem(&self) -> &'static TypeDesc {
        self.elem
    }

    pub fn shape(&self) -> &[i64] {
        &self.shape
    }

    pub fn strides(&self) -> &[i64] {
        &self.strides
    }

    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    pub fn numel(&self) -> usize {
        checked_numel(&self.shape).unwrap_or(0)
    }

    /// The address of the first element.
    #[inline]
    pub fn data(&self) -> *mut u8 {
        self.buffer.ptr.wrapping_offset(self.offset * self.dtype.size() as isize)
    }

    /// The address of the element `offset` elements from the first.
    #[inline]
    pub fn at(&self, offset: isize) -> *mut u8 {
        self.data().wrapping_offset(offset * self.dtype.size() as isize)
    }

    /// Whether the elements are contiguous in row-major order (dimensions of size 1 may
    /// have any stride).
    pub fn is_contiguous(&self) -> bool {
        let mut expected = 1i64;
        for d in (0..self.rank()).rev() {
            if self.shape[d] == 0 {
                return true;
            }
            if self.shape[d] != 1 && self.strides[d] != expected {
                return false;
            }
            expected *= self.shape[d];
        }
        true
    }

    /// A view of the same buffer.
    pub fn view(&self, shape: Vec<i64>, strides: Vec<i64>, offset: isize) -> Handle {
        object::allocate(TensorObj {
            header: Header::new(&VTABLE),
            elem: self.elem,
            dtype: self.dtype,
            shape: shape.into(),
            strides: strides.into(),
            offset,
            buffer: Rc::clone(&self.buffer),
        })
    }

    /// A contiguous copy.
    pub fn copy(&self) -> Handle {
        let handle = new_tensor(self.dtype, self.shape.to_vec(), None);
        // SAFETY: a tensor we just made, of this shape and type.
        let copy = unsafe { get(handle) };
        let size = self.dtype.size();
        if self.is_contiguous() {
            // SAFETY: both hold `numel` contiguous elements.
            unsafe { ptr::copy_nonoverlapping(self.data(), copy.data(), self.numel() * size) };
        } else {
            for_each_offset(&self.shape, &self.strides, |linear, offset| {
                // SAFETY: offsets within both tensors.
                unsafe {
                    ptr::copy_nonoverlapping(self.at(offset), copy.at(linear as isize), size)
                };
            });
        }
        handle
    }

    /// The element offset of `indices` (one per dimension, negative from the end); out of
    /// range panics.
    pub fn offset_of(&self, indices: &[i64], loc: Loc) -> isize {
        if indices.len() != self.rank() {
            panic_at(
                &format!("{} indices for a tensor of rank {}", indices.len(), self.rank()),
                loc,
            );
        }
        let mut offset = 0isize;
        for (d, &index) in indices.iter().enumerate() {
            let length = self.shape[d];
            let position = if index < 0 { index.wrapping_add(length) } else { index };
            if position < 0 || position >= length {
                panic_at(
                    &format!("index out of range: {index} (dimension {d} of length {length})"),
                    loc,
                );
            }
            offset += (position * self.strides[d]) as isize;
        }
        offset
    }
}

/// Calls `f(linear, offset)` for every element in row-major order: its position and its
/// offset in elements under `strides`.
pub fn for_each_offset(shape: &[i64], strides: &[i64], mut f: impl FnMut(usize, isize)) {
    for_each_offsets(shape, [strides], |linear, [offset]| f(linear, offset));
}

/// Calls `f(linear, offsets)` for every position of `shape` in row-major order, with the
/// offset under each of `K` stride vectors (broadcast dimensions have stride 0).
pub fn for_each_offsets<const K: usize>(
    shape: &[i64],
    strides: [&[i64]; K],
    mut f: impl FnMut(usize, [isize; K]),
) {
    if shape.iter().any(|&d| d <= 0) {
        return;
    }
    let rank = shape.len();
    if rank == 0 {
        f(0, [0; K]);
        return;
    }
    let last = rank - 1;
    let inner = shape[last];
    let inner_strides: [isize; K] = std::array::from_fn(|k| strides[k][last] as isize);
    let mut index = vec![0i64; rank];
    let mut base = [0isize; K];
    let mut linear = 0usize;
    loop {
        let mut offsets = base;
        for _ in 0..inner {
            f(linear, offsets);
            linear += 1;
            for k in 0..K {
                offsets[k] += inner_strides[k];
            }
        }
        let mut d = last;
        loop {
            if d == 0 {
                return;
            }
            d -= 1;
            index[d] += 1;
            for k in 0..K {
                base[k] += strides[k][d] as isize;
            }
            if index[d] < shape[d] {
                break;
            }
            for k in 0..K {
                base[k] -= (strides[k][d] * shape[d]) as isize;
            }
            index[d] = 0;
        }
    }
}

unsafe fn write_tensor(handle: Handle, out: &mut String, _repr: bool) {
    // SAFETY: the vtable is only reached through live tensors.
    let tensor = unsafe { get(handle) };
    let _ = write!(out, "Tensor[{}](", tensor.dtype.name());
    if tensor.numel() > PRINT_LIMIT {
        let _ = write!(out, "shape={})", shape_text(&tensor.shape));
        return;
    }
    write_nested(out, tensor, 0, 0);
    out.push(')');
}

/// Writes dimensions `d..` starting at element offset `offset` as nested lists.
fn write_nested(out: &mut String, tensor: &TensorObj, d: usize, offset: isize) {
    if d == tensor.rank() {
        // SAFETY: an element of the tensor.
        unsafe { crate::format::value::write_value(out, tensor.at(offset), tensor.elem, true) };
        return;
    }
    out.push('[');
    for i in 0..tensor.shape[d] {
        if i > 0 {
            out.push_str(", ");
        }
        write_nested(out, tensor, d + 1, offset + (i * tensor.strides[d]) as isize);
    }
    out.push(']');
}

/// The shape a `List[i64]` describes; a negative dimension panics (`-1` too: only
/// `reshape` infers a dimension).
///
/// # Safety
///
/// `list` is a live `List[i64]`.
pub unsafe fn shape_from_list(list: Handle, loc: Loc) -> Vec<i64> {
    // SAFETY: per the contract above.
    let list = unsafe { list::get(list) };
    // SAFETY: `i64` elements below `len`.
    let shape: Vec<i64> =
        (0..list.len()).map(|i| unsafe { value::read::<i64>(list.at(i)) }).collect();
    if let Some(&negative) = shape.iter().find(|&&d| d < 0) {
        panic_at(&format!("negative dimension {negative} in shape {}", shape_text(&shape)), loc);
    }
    shape
}

/// A new tensor of `shape` (a `List[i64]`) with every element `value`.
///
/// # Safety
///
/// `shape` is a live `List[i64]`.
unsafe fn filled<T: Element>(shape: Handle, value: T, loc: Loc) -> Handle {
    // SAFETY: per the contract above.
    let shape = unsafe { shape_from_list(shape, loc) };
    let handle = new_tensor(T::DTYPE, shape, Some(loc));
    // SAFETY: a fresh contiguous tensor of `T`.
    let tensor = unsafe { get(handle) };
    for i in 0..tensor.numel() {
        // SAFETY: `i < numel` in a contiguous buffer.
        unsafe { value::write(tensor.at(i as isize), value) };
    }
    handle
}

fn loc(file: *const c_char, line: i32, col: i32) -> Loc {
    Loc::new(file, line, col)
}

exports! {
    /// `zeros[T](shape)`.
    fn mlc_tensor_zeros(shape: Handle, elem: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a descriptor string and a live `List[i64]`.
        unsafe {
            let dtype = dtype_of(desc::from_cstr(elem));
            new_tensor(dtype, shape_from_list(shape, loc(file, line, col)), Some(loc(file, line, col)))
        }
    }

    /// `ones[T](shape)`.
    fn mlc_tensor_ones(shape: Handle, elem: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a descriptor string and a live `List[i64]`.
        unsafe {
            let dtype = dtype_of(desc::from_cstr(elem));
            dispatch!(dtype, T => filled::<T>(shape, T::one(), loc(file, line, col)))
        }
    }

    /// `full[T](shape, *value)`.
    fn mlc_tensor_full(shape: Handle, value: *const u8, elem: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a descriptor string, a live `List[i64]`, a valid element at `value`.
        unsafe {
            let dtype = dtype_of(desc::from_cstr(elem));
            dispatch!(dtype, T => filled::<T>(shape, value::read::<T>(value), loc(file, line, col)))
        }
    }

    /// `arange[T](*stop)`: `0, 1, ..., ceil(stop) - 1` (empty for `stop <= 0`).
    fn mlc_tensor_arange(stop: *const u8, elem: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a descriptor string and a valid element at `stop`.
        unsafe {
            let dtype = dtype_of(desc::from_cstr(elem));
            dispatch!(dtype, T => arange::<T>(value::read::<T>(stop), loc(file, line, col)))
        }
    }

    /// `t.size(d)` (negative `d` from the end; out of range panics).
    fn mlc_tensor_dim(t: Handle, d: i64, file: *const c_char, line: i32, col: i32) -> i64 {
        // SAFETY: a live tensor.
        let tensor = unsafe { get(t) };
        let rank = tensor.rank() as i64;
        let position = if d < 0 { d + rank } else { d };
        if position < 0 || position >= rank {
            panic_at(
                &format!("dimension {d} out of range for a tensor of rank {rank}"),
                loc(file, line, col),
            );
        }
        tensor.shape[position as usize]
    }

    /// `t.numel()`.
    fn mlc_tensor_numel(t: Handle) -> i64 {
        // SAFETY: a live tensor.
        unsafe { get(t) }.numel() as i64
    }

    /// `t.ndim`.
    fn mlc_tensor_rank(t: Handle) -> i64 {
        // SAFETY: a live tensor.
        unsafe { get(t) }.rank() as i64
    }

    /// `t.shape`: a new `List[i64]`.
    fn mlc_tensor_shape(t: Handle) -> Handle {
        // SAFETY: a live tensor.
        list::list_of_i64(unsafe { get(t) }.shape())
    }

    /// `t[i, j, ...]` written to `out` (`n` indices, negative from the end).
    fn mlc_tensor_load(t: Handle, indices: *const i64, n: i64, out: *mut u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live tensor, `n` indices, room for an element at `out`.
        unsafe {
            let tensor = get(t);
            let indices = std::slice::from_raw_parts(indices, n.max(0) as usize);
            let offset = tensor.offset_of(indices, loc(file, line, col));
            ptr::copy_nonoverlapping(tensor.at(offset), out, tensor.dtype.size());
        }
    }

    /// `t[i, j, ...] = *v`.
    fn mlc_tensor_store(t: Handle, indices: *const i64, n: i64, v: *const u8, file: *const c_char, line: i32, col: i32) {
        // SAFETY: a live tensor, `n` indices, a valid element at `v`.
        unsafe {
            let tensor = get(t);
            let indices = std::slice::from_raw_parts(indices, n.max(0) as usize);
            let offset = tensor.offset_of(indices, loc(file, line, col));
            ptr::copy(v, tensor.at(offset), tensor.dtype.size());
        }
    }

    /// `t.reshape(shape)`: one dimension may be `-1` (inferred). A view when `t` is
    /// contiguous (as numpy), else a copy; a size mismatch panics.
    fn mlc_tensor_reshape(t: Handle, shape: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let loc = loc(file, line, col);
        // SAFETY: a live tensor and a live `List[i64]`.
        let (tensor, list) = unsafe { (get(t), list::get(shape)) };
        // SAFETY: `i64` elements below `len`.
        let mut shape: Vec<i64> = (0..list.len()).map(|i| unsafe { value::read::<i64>(list.at(i)) }).collect();
        let numel = tensor.numel() as i64;
        let inferred: Vec<usize> = (0..shape.len()).filter(|&d| shape[d] == -1).collect();
        let original = tensor.shape();
        let mismatch = |shape: &[i64]| -> ! { reshape_mismatch(original, shape, loc) };
        if inferred.len() > 1 || shape.iter().any(|&d| d < -1) {
            mismatch(&shape);
        }
        if let [d] = inferred[..] {
            let known: i64 = shape.iter().filter(|&&x| x != -1).product();
            if known == 0 || numel % known != 0 {
                mismatch(&shape);
            }
            shape[d] = numel / known;
        }
        if checked_numel(&shape) != Some(numel as usize) {
            mismatch(&shape);
        }
        if tensor.is_contiguous() {
            let strides = contiguous_strides(&shape);
            return tensor.view(shape, strides, tensor.offset);
        }
        let copy = tensor.copy();
        // SAFETY: the copy we just made (contiguous); we drop our reference after viewing.
        unsafe {
            let copied = get(copy);
            let view = copied.view(shape.clone(), contiguous_strides(&shape), 0);
            object::release(copy);
            view
        }
    }

    /// `t.copy()`: a contiguous copy.
    fn mlc_tensor_copy(t: Handle) -> Handle {
        // SAFETY: a live tensor.
        unsafe { get(t) }.copy()
    }

    /// `t.to_gpu()` / `t.to_cpu()`: a copy on the device `"gpu"` or `"cpu"`. Only the CPU
    /// exists yet, so both give a CPU copy (the CUDA path comes with the GPU back end).
    fn mlc_tensor_to_device(t: Handle, device: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a C string.
        let device = unsafe { CStr::from_ptr(device) }.to_string_lossy();
        if device != "cpu" && device != "gpu" {
            panic_at(&format!("unknown device `{device}`"), loc(file, line, col));
        }
        // SAFETY: a live tensor.
        unsafe { get(t) }.copy()
    }

    /// `Tensor[U](t)`: a contiguous copy converted to the element type `elem` (as casts:
    /// integers wrap, floats to integers truncate and saturate, to `bool` is "nonzero").
    fn mlc_tensor_cast(t: Handle, elem: *const c_char, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live tensor and a descriptor string.
        let (tensor, target) = unsafe { (get(t), dtype_of(desc::from_cstr(elem))) };
        if target == tensor.dtype {
            return tensor.copy();
        }
        dispatch!(tensor.dtype, S => dispatch!(target, U => cast::<S, U>(tensor)))
    }

    /// The address of the first element (for loops generated over dense tensors).
    fn mlc_tensor_data(t: Handle) -> *mut u8 {
        // SAFETY: a live tensor.
        unsafe { get(t) }.data()
    }
}

fn reshape_mismatch(from: &[i64], to: &[i64], loc: Loc) -> ! {
    let numel = checked_numel(from).unwrap_or(0);
    panic_at(
        &format!(
            "cannot reshape a tensor of shape {} ({numel} elements) to {}",
            shape_text(from),
            shape_text(to)
        ),
        loc,
    )
}

fn arange<T: Element>(stop: T, loc: Loc) -> Handle {
    let count = match stop.to_scalar() {
        Scalar::Int(n) => n.max(0),
        Scalar::Float(f) if f.is_finite() => f.ceil().max(0.0) as i128,
        Scalar::Float(_) => panic_at("arange() needs a finite stop", loc),
        Scalar::Bool(b) => i128::from(b),
    };
    let Ok(count) = i64::try_from(count) else {
        panic_at("arange() stop is too large", loc);
    };
    let handle = new_tensor(T::DTYPE, vec![count], Some(loc));
    // SAFETY: a fresh contiguous tensor of `T`.
    let tensor = unsafe { get(handle) };
    for i in 0..count {
        // SAFETY: `i < numel`.
        unsafe { value::write(tensor.at(i as isize), T::from_scalar(Scalar::Int(i.into()))) };
    }
    handle
}

fn cast<S: Element, U: Element>(source: &TensorObj) -> Handle {
    let handle = new_tensor(U::DTYPE, source.shape.to_vec(), None);
    // SAFETY: a fresh contiguous tensor of `U`.
    let target = unsafe { get(handle) };
    for_each_offset(&source.shape, &source.strides, |linear, offset| {
        // SAFETY: an element of each tensor.
        unsafe {
            let value = value::read::<S>(source.at(offset));
            value::write(target.at(linear as isize), U::from_scalar(value.to_scalar()));
        }
    });
    handle
}

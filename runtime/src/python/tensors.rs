//! Tensors shared with Python without copies: a Python buffer or DLPack tensor viewed as a
//! native `Tensor[T]`, and a native tensor offered to Python.
//!
//! Lifetimes in both directions: a native view holds what keeps the Python memory alive
//! (released when the view's buffer is dropped), and an exported tensor holds a reference
//! to the native tensor until Python drops the `mlc.Tensor` object and every consumer of it.

use std::ffi::c_void;

use mlc_python_abi::{self as abi, Bridge, PyPtr, Release, TensorExport, TensorView, Text};

use crate::object::{self, Handle};
use crate::panic::Loc;
use crate::tensor::{self, dtype::DType};

use super::errors;

/// The DLPack element type of a dtype.
pub fn abi_dtype(dtype: DType) -> abi::DType {
    let (code, bits) = match dtype {
        DType::Bool => (abi::DTYPE_BOOL, 8),
        DType::I8 => (abi::DTYPE_INT, 8),
        DType::I16 => (abi::DTYPE_INT, 16),
        DType::I32 => (abi::DTYPE_INT, 32),
        DType::I64 => (abi::DTYPE_INT, 64),
        DType::U8 => (abi::DTYPE_UINT, 8),
        DType::U16 => (abi::DTYPE_UINT, 16),
        DType::U32 => (abi::DTYPE_UINT, 32),
        DType::U64 => (abi::DTYPE_UINT, 64),
        DType::F16 => (abi::DTYPE_FLOAT, 16),
        DType::BF16 => (abi::DTYPE_BFLOAT, 16),
        DType::F32 => (abi::DTYPE_FLOAT, 32),
        DType::F64 => (abi::DTYPE_FLOAT, 64),
    };
    abi::DType { code, bits }
}

/// What keeps a Python object's memory alive, and how to let it go.
struct Keeper {
    keeper: *mut c_void,
    release: Release,
}

unsafe fn release_keeper(context: *mut c_void) {
    // SAFETY: made by `view`, released once, when the tensor buffer is dropped.
    let keeper = unsafe { Box::from_raw(context.cast::<Keeper>()) };
    if super::interpreter::started().is_some() {
        // SAFETY: the bridge's release for what it handed us; the GIL is held.
        unsafe { (keeper.release)(keeper.keeper) };
    }
}

/// `Tensor[T](o)`: a native view of `object`'s memory, or null with an error raised (not a
/// tensor, another element type, another device).
///
/// # Safety
///
/// `object` is a live Python object.
pub unsafe fn view(bridge: &Bridge, object: PyPtr, dtype: DType, loc: Loc) -> Handle {
    let wanted_name = format!("Tensor[{}]", dtype.name());
    // SAFETY: a plain-data structure the bridge fills (all-zero is a valid start).
    let mut view: Box<TensorView> = Box::new(unsafe { std::mem::zeroed() });
    // SAFETY: a live object, a text that outlives the call, a view to fill.
    let status = unsafe {
        (bridge.tensor_view)(object, abi_dtype(dtype), Text::new(&wanted_name), &mut *view)
    };
    if status < 0 {
        errors::raise_pending(bridge, loc);
        return std::ptr::null_mut();
    }
    let shape = view.shape[..view.ndim].to_vec();
    let strides = view.strides[..view.ndim].to_vec();
    let Some(release) = view.release else {
        crate::panic::internal("the Python bridge gave a tensor view without a release")
    };
    let keeper = Box::into_raw(Box::new(Keeper { keeper: view.keeper, release }));
    // SAFETY: the bridge checked the element type; the memory stays valid until the
    // keeper is released, which the buffer does when its last tensor goes.
    unsafe {
        tensor::external_tensor(dtype, shape, strides, view.data, release_keeper, keeper.cast())
    }
}

unsafe extern "C" fn release_tensor(keeper: *mut c_void) {
    // SAFETY: the reference `export` retained for Python.
    unsafe { object::release(keeper.cast()) }
}

/// A Python object sharing `tensor`'s memory (a new reference, or null with the Python
/// exception set).
///
/// # Safety
///
/// `handle` is a live tensor handle.
pub unsafe fn export(bridge: &Bridge, handle: Handle) -> PyPtr {
    // SAFETY: generated code passes live tensors.
    let tensor = unsafe { tensor::get(handle) };
    // The bridge owns this reference from the call on (it releases it when Python is done).
    // SAFETY: a live handle.
    unsafe { object::retain(handle) };
    let spec = TensorExport {
        data: tensor.data(),
        dtype: abi_dtype(tensor.dtype()),
        ndim: tensor.rank(),
        shape: tensor.shape().as_ptr(),
        strides: tensor.strides().as_ptr(),
        keeper: handle.cast(),
        release: release_tensor,
    };
    // SAFETY: a description of a live tensor, valid through the call.
    unsafe { (bridge.tensor_export)(&spec) }
}

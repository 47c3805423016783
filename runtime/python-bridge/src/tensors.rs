//! Zero-copy tensors across the boundary.
//!
//! Python to native ([`tensor_view`]): an object with the buffer protocol (numpy arrays)
//! or with `__dlpack__` (torch tensors) is seen in place; what keeps its memory alive (the
//! `Py_buffer`, or the consumed DLPack tensor) is handed to the runtime, which releases it
//! when the last native view goes.
//!
//! Native to Python ([`tensor_export`]): an `mlc.Tensor` object ([`ExportedTensor`]) shares
//! the native tensor's memory through both protocols and holds the native tensor until
//! Python drops it (and every DLPack consumer or buffer view it handed out has gone).

use std::ffi::{c_int, c_void, CStr};
use std::ptr;

use mlc_python_abi::{
    DType, PyPtr, Release, TensorExport, TensorView, Text, DTYPE_BFLOAT, DTYPE_BOOL, DTYPE_FLOAT,
    DTYPE_INT, DTYPE_UINT, MAX_DIMS,
};
use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;

use crate::dlpack::{self, ManagedTensor};
use crate::errors::qualified_name;
use crate::{attached, borrowed, new_object};

/// `float32`, as numpy and torch name element types.
fn dtype_name(dtype: DType) -> String {
    match dtype.code {
        DTYPE_INT => format!("int{}", dtype.bits),
        DTYPE_UINT => format!("uint{}", dtype.bits),
        DTYPE_FLOAT => format!("float{}", dtype.bits),
        DTYPE_BFLOAT => format!("bfloat{}", dtype.bits),
        DTYPE_BOOL => "bool".to_string(),
        code => format!("DLPack type code {code} of {} bits", dtype.bits),
    }
}

pub unsafe extern "C" fn tensor_view(
    object: PyPtr,
    wanted: DType,
    wanted_name: Text,
    out: *mut TensorView,
) -> i32 {
    attached(-1, |py| {
        // SAFETY: a live object the runtime holds; a text it made.
        let (object, wanted_name) = unsafe { (borrowed(py, object), wanted_name.as_str()) };
        // SAFETY: `out` points to a writable view.
        let out = unsafe { &mut *out };
        let described = format!("`{}`", qualified_name(&object.get_type()));
        // SAFETY: a live object.
        if unsafe { ffi::PyObject_CheckBuffer(object.as_ptr()) } != 0 {
            view_buffer(py, &object, &described, wanted, wanted_name, out)?;
        } else if object.hasattr("__dlpack__")? {
            view_dlpack(&object, &described, wanted, wanted_name, out)?;
        } else {
            return Err(PyTypeError::new_err(format!(
                "cannot view a Python {described} as {wanted_name}: it shares its memory \
                 through neither the buffer protocol nor DLPack"
            )));
        }
        Ok(0)
    })
}

fn too_many_dimensions(described: &str, ndim: usize) -> PyErr {
    PyTypeError::new_err(format!("{described} has {ndim} dimensions, more than {MAX_DIMS}"))
}

fn mismatch(described: &str, found: DType, wanted: DType, wanted_name: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "cannot view a {described} of {} as {wanted_name} (whose elements are {}): a view \
         shares memory and cannot convert elements; convert on the Python side first \
         (numpy: `x.astype(...)`, torch: `x.to(...)`)",
        dtype_name(found),
        dtype_name(wanted)
    ))
}

/// The element type of a buffer-protocol format (`d`, `<f`, `=q`...) of `itemsize` bytes.
fn format_dtype(format: &str, itemsize: usize) -> Option<DType> {
    let code = format.trim_start_matches(['@', '=', '<']);
    let bits = (itemsize * 8) as u8;
    let code = match code {
        "?" => DTYPE_BOOL,
        "b" | "h" | "i" | "l" | "q" | "n" => DTYPE_INT,
        "B" | "H" | "I" | "L" | "Q" | "N" => DTYPE_UINT,
        "e" | "f" | "d" => DTYPE_FLOAT,
        _ => return None,
    };
    Some(DType { code, bits })
}

fn view_buffer(
    py: Python<'_>,
    object: &Borrowed<'_, '_, PyAny>,
    described: &str,
    wanted: DType,
    wanted_name: &str,
    out: &mut TensorView,
) -> PyResult<()> {
    let mut buffer = Box::new(ffi::Py_buffer::new());
    // SAFETY: a live object and a fresh `Py_buffer` to fill.
    if unsafe { ffi::PyObject_GetBuffer(object.as_ptr(), &mut *buffer, ffi::PyBUF_RECORDS) } < 0 {
        let error = PyErr::fetch(py);
        let mut probe = ffi::Py_buffer::new();
        // SAFETY: as above, asking for a read-only buffer this time.
        if unsafe { ffi::PyObject_GetBuffer(object.as_ptr(), &mut probe, ffi::PyBUF_RECORDS_RO) }
            == 0
        {
            // SAFETY: the buffer just obtained.
            unsafe { ffi::PyBuffer_Release(&mut probe) };
            return Err(PyTypeError::new_err(format!(
                "cannot view a read-only {described} as {wanted_name}: native tensors are \
                 writable; pass a writable copy (numpy: `x.copy()`)"
            )));
        }
        return Err(error);
    }
    // From here on the buffer is released on every path: by the runtime, or below.
    let release_now = |mut buffer: Box<ffi::Py_buffer>| {
        // SAFETY: a buffer obtained above and not released yet.
        unsafe { ffi::PyBuffer_Release(&mut *buffer) };
    };
    let format = if buffer.format.is_null() {
        "B".to_string()
    } else {
        // SAFETY: the exporter's NUL-terminated format string.
        unsafe { CStr::from_ptr(buffer.format) }.to_string_lossy().into_owned()
    };
    let itemsize = buffer.itemsize as usize;
    let Some(found) = format_dtype(&format, itemsize) else {
        release_now(buffer);
        return Err(PyTypeError::new_err(format!(
            "cannot view a {described} with elements of buffer format `{format}` as {wanted_name}"
        )));
    };
    if found != wanted {
        release_now(buffer);
        return Err(mismatch(described, found, wanted, wanted_name));
    }
    let ndim = buffer.ndim as usize;
    if ndim > MAX_DIMS {
        release_now(buffer);
        return Err(too_many_dimensions(described, ndim));
    }
    for d in 0..ndim {
        // SAFETY: `PyBUF_RECORDS` gives shape and strides arrays of `ndim` entries.
        let (extent, stride) = unsafe { (*buffer.shape.add(d), *buffer.strides.add(d)) };
        if stride % itemsize as ffi::Py_ssize_t != 0 {
            release_now(buffer);
            return Err(PyTypeError::new_err(format!(
                "cannot view a {described} whose strides are not whole elements as {wanted_name}"
            )));
        }
        out.shape[d] = extent as i64;
        out.strides[d] = (stride / itemsize as ffi::Py_ssize_t) as i64;
    }
    out.data = buffer.buf.cast();
    out.dtype = found;
    out.ndim = ndim;
    out.keeper = Box::into_raw(buffer).cast();
    out.release = Some(release_buffer);
    Ok(())
}

unsafe extern "C" fn release_buffer(keeper: *mut c_void) {
    Python::attach(|_| {
        // SAFETY: a `Py_buffer` boxed by `view_buffer`, released once.
        let mut buffer = unsafe { Box::from_raw(keeper.cast::<ffi::Py_buffer>()) };
        // SAFETY: a buffer obtained and not yet released.
        unsafe { ffi::PyBuffer_Release(&mut *buffer) };
    })
}

fn view_dlpack(
    object: &Borrowed<'_, '_, PyAny>,
    described: &str,
    wanted: DType,
    wanted_name: &str,
    out: &mut TensorView,
) -> PyResult<()> {
    let (device_type, device_id): (i32, i32) =
        object.call_method0("__dlpack_device__")?.extract()?;
    let device = dlpack::Device { device_type, device_id };
    if device_type != dlpack::DEVICE_CPU && device_type != dlpack::DEVICE_CUDA_HOST {
        return Err(PyTypeError::new_err(format!(
            "cannot view a {described} on {} as {wanted_name}, which lives in CPU memory: move \
             it first (torch: `x.cpu()`)",
            dlpack::device_name(device)
        )));
    }
    let capsule = object.call_method0("__dlpack__")?;
    // SAFETY: a live object; the name check makes a wrong object an error, not a crash.
    let managed =
        unsafe { ffi::PyCapsule_GetPointer(capsule.as_ptr(), dlpack::CAPSULE_NAME.as_ptr()) }
            .cast::<ManagedTensor>();
    if managed.is_null() {
        return Err(PyErr::fetch(object.py()));
    }
    // The managed tensor is ours now: renaming the capsule tells its destructor so.
    // SAFETY: a live capsule.
    unsafe { ffi::PyCapsule_SetName(capsule.as_ptr(), dlpack::USED_CAPSULE_NAME.as_ptr()) };
    let release_now = || {
        // SAFETY: the managed tensor taken above, released once.
        unsafe { release_dlpack(managed.cast()) }
    };
    // SAFETY: the producer's valid DLPack tensor.
    let tensor = unsafe { &(*managed).dl_tensor };
    let found = DType { code: tensor.dtype.code, bits: tensor.dtype.bits };
    if tensor.dtype.lanes != 1 || found != wanted {
        release_now();
        return Err(mismatch(described, found, wanted, wanted_name));
    }
    let ndim = tensor.ndim as usize;
    if ndim > MAX_DIMS {
        release_now();
        return Err(too_many_dimensions(described, ndim));
    }
    let mut stride = 1i64;
    for d in (0..ndim).rev() {
        // SAFETY: `shape` (and `strides` when not null) have `ndim` entries.
        let extent = unsafe { *tensor.shape.add(d) };
        out.shape[d] = extent;
        out.strides[d] =
            if tensor.strides.is_null() { stride } else { unsafe { *tensor.strides.add(d) } };
        stride *= extent.max(1);
    }
    // SAFETY: the data pointer and byte offset the producer gave.
    out.data = unsafe { tensor.data.cast::<u8>().add(tensor.byte_offset as usize) };
    out.dtype = found;
    out.ndim = ndim;
    out.keeper = managed.cast();
    out.release = Some(release_dlpack);
    Ok(())
}

unsafe extern "C" fn release_dlpack(keeper: *mut c_void) {
    let managed = keeper.cast::<ManagedTensor>();
    Python::attach(|_| {
        // SAFETY: a consumed managed tensor: calling its deleter once is the consumer's duty.
        if let Some(deleter) = unsafe { (*managed).deleter } {
            unsafe { deleter(managed) };
        }
    })
}

/// A native tensor seen from Python.
#[pyclass(unsendable, module = "mlc", name = "Tensor")]
pub struct ExportedTensor {
    data: *mut u8,
    dtype: DType,
    shape: Vec<i64>,
    /// In elements.
    strides: Vec<i64>,
    /// The same, in the buffer protocol's units (bytes for strides).
    buffer_shape: Vec<ffi::Py_ssize_t>,
    buffer_strides: Vec<ffi::Py_ssize_t>,
    keeper: *mut c_void,
    release: Release,
}

impl Drop for ExportedTensor {
    fn drop(&mut self) {
        // SAFETY: the runtime's release for the native tensor it gave us, called once, on
        // the thread that made the object (the class is `unsendable`), with the GIL held.
        unsafe { (self.release)(self.keeper) }
    }
}

impl ExportedTensor {
    fn itemsize(&self) -> usize {
        (self.dtype.bits as usize).div_ceil(8)
    }

    fn format(&self) -> Option<&'static CStr> {
        Some(match (self.dtype.code, self.dtype.bits) {
            (DTYPE_BOOL, 8) => c"?",
            (DTYPE_INT, 8) => c"b",
            (DTYPE_INT, 16) => c"h",
            (DTYPE_INT, 32) => c"i",
            (DTYPE_INT, 64) => c"q",
            (DTYPE_UINT, 8) => c"B",
            (DTYPE_UINT, 16) => c"H",
            (DTYPE_UINT, 32) => c"I",
            (DTYPE_UINT, 64) => c"Q",
            (DTYPE_FLOAT, 16) => c"e",
            (DTYPE_FLOAT, 32) => c"f",
            (DTYPE_FLOAT, 64) => c"d",
            _ => return None,
        })
    }

    fn is_contiguous(&self) -> bool {
        let mut expected = 1;
        for d in (0..self.shape.len()).rev() {
            if self.shape[d] != 1 && self.strides[d] != expected {
                return false;
            }
            expected *= self.shape[d];
        }
        true
    }
}

#[pymethods]
impl ExportedTensor {
    /// DLPack export: a capsule of a managed tensor that holds this object.
    #[pyo3(signature = (*, stream = None, max_version = None, dl_device = None, copy = None))]
    fn __dlpack__<'py>(
        slf: &Bound<'py, Self>,
        stream: Option<Bound<'py, PyAny>>,
        max_version: Option<Bound<'py, PyAny>>,
        dl_device: Option<(i32, i32)>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = (stream, max_version);
        if copy == Some(true) {
            return Err(PyBufferError::new_err("mlc tensors are shared without copies"));
        }
        if let Some(device) = dl_device {
            if device != (dlpack::DEVICE_CPU, 0) {
                return Err(PyBufferError::new_err(
                    "mlc tensors exported to Python live on the CPU",
                ));
            }
        }
        let this = slf.borrow();
        let managed = Box::new(ManagedTensor {
            dl_tensor: dlpack::Tensor {
                data: this.data.cast(),
                device: dlpack::Device { device_type: dlpack::DEVICE_CPU, device_id: 0 },
                ndim: this.shape.len() as i32,
                dtype: dlpack::DataType { code: this.dtype.code, bits: this.dtype.bits, lanes: 1 },
                // The vectors live as long as this object, which the managed tensor holds.
                shape: this.shape.as_ptr().cast_mut(),
                strides: this.strides.as_ptr().cast_mut(),
                byte_offset: 0,
            },
            manager_ctx: slf.clone().into_ptr().cast(),
            deleter: Some(delete_managed),
        });
        let managed = Box::into_raw(managed);
        // SAFETY: a capsule around the managed tensor; its destructor frees it unless a
        // consumer took it (and renamed the capsule).
        let capsule = unsafe {
            ffi::PyCapsule_New(
                managed.cast(),
                dlpack::CAPSULE_NAME.as_ptr(),
                Some(capsule_destructor),
            )
        };
        if capsule.is_null() {
            // SAFETY: not handed out: ours to free.
            unsafe { delete_managed(managed) };
            return Err(PyErr::fetch(slf.py()));
        }
        // SAFETY: a new reference.
        Ok(unsafe { Bound::from_owned_ptr(slf.py(), capsule) })
    }

    fn __dlpack_device__(&self) -> (i32, i32) {
        (dlpack::DEVICE_CPU, 0)
    }

    /// The buffer protocol, for `numpy.asarray` and `memoryview`.
    unsafe fn __getbuffer__(
        slf: Bound<'_, Self>,
        view: *mut ffi::Py_buffer,
        flags: c_int,
    ) -> PyResult<()> {
        if view.is_null() {
            return Err(PyBufferError::new_err("no view to fill"));
        }
        let this = slf.borrow();
        let Some(format) = this.format() else {
            return Err(PyBufferError::new_err(format!(
                "{} has no buffer-protocol format: share it with `torch.from_dlpack`",
                dtype_name(this.dtype)
            )));
        };
        let strided = flags & ffi::PyBUF_STRIDES == ffi::PyBUF_STRIDES;
        if !strided && !this.is_contiguous() {
            return Err(PyBufferError::new_err("this tensor is not contiguous: ask for strides"));
        }
        let numel: i64 = this.shape.iter().product();
        // SAFETY: `view` is the consumer's buffer to fill; the pointers stay valid while
        // `view.obj` (a new reference to this object) is held.
        unsafe {
            (*view).buf = this.data.cast();
            (*view).obj = slf.clone().into_any().into_ptr();
            (*view).len = (numel as usize * this.itemsize()) as ffi::Py_ssize_t;
            (*view).readonly = 0;
            (*view).itemsize = this.itemsize() as ffi::Py_ssize_t;
            (*view).format = if flags & ffi::PyBUF_FORMAT != 0 {
                format.as_ptr().cast_mut()
            } else {
                ptr::null_mut()
            };
            (*view).ndim = this.shape.len() as c_int;
            (*view).shape = if flags & ffi::PyBUF_ND != 0 {
                this.buffer_shape.as_ptr().cast_mut()
            } else {
                ptr::null_mut()
            };
            (*view).strides =
                if strided { this.buffer_strides.as_ptr().cast_mut() } else { ptr::null_mut() };
            (*view).suboffsets = ptr::null_mut();
            (*view).internal = ptr::null_mut();
        }
        Ok(())
    }

    unsafe fn __releasebuffer__(&self, _view: *mut ffi::Py_buffer) {}

    #[getter]
    fn shape(&self) -> Vec<i64> {
        self.shape.clone()
    }

    #[getter]
    fn dtype(&self) -> String {
        dtype_name(self.dtype)
    }

    fn __repr__(&self) -> String {
        format!("mlc.Tensor(shape={:?}, dtype={})", self.shape, dtype_name(self.dtype))
    }
}

unsafe extern "C" fn delete_managed(managed: *mut ManagedTensor) {
    Python::attach(|_| {
        // SAFETY: made by `__dlpack__`, deleted once; it held a reference to the exporter.
        let managed = unsafe { Box::from_raw(managed) };
        unsafe { ffi::Py_DecRef(managed.manager_ctx.cast()) };
    })
}

unsafe extern "C" fn capsule_destructor(capsule: *mut ffi::PyObject) {
    // SAFETY: the capsule being destroyed; an unconsumed one still owns its tensor.
    unsafe {
        if ffi::PyCapsule_IsValid(capsule, dlpack::CAPSULE_NAME.as_ptr()) == 1 {
            let managed = ffi::PyCapsule_GetPointer(capsule, dlpack::CAPSULE_NAME.as_ptr());
            delete_managed(managed.cast());
        }
    }
}

pub unsafe extern "C" fn tensor_export(tensor: *const TensorExport) -> PyPtr {
    new_object(|py| {
        // SAFETY: the runtime's description of a live tensor.
        let tensor = unsafe { &*tensor };
        // SAFETY: `ndim` entries each.
        let (shape, strides) = unsafe {
            (
                std::slice::from_raw_parts(tensor.shape, tensor.ndim).to_vec(),
                std::slice::from_raw_parts(tensor.strides, tensor.ndim).to_vec(),
            )
        };
        let itemsize = (tensor.dtype.bits as usize).div_ceil(8) as ffi::Py_ssize_t;
        let exported = ExportedTensor {
            data: tensor.data,
            dtype: tensor.dtype,
            buffer_shape: shape.iter().map(|&n| n as ffi::Py_ssize_t).collect(),
            buffer_strides: strides.iter().map(|&s| s as ffi::Py_ssize_t * itemsize).collect(),
            shape,
            strides,
            keeper: tensor.keeper,
            release: tensor.release,
        };
        Ok(Bound::new(py, exported)?.into_any())
    })
}

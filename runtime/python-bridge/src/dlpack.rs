//! The structures of DLPack (`dlpack.h`, the unversioned ABI every consumer accepts): how a
//! tensor's memory is described to another framework without copying it.

use std::ffi::c_void;

/// `kDLCPU`.
pub const DEVICE_CPU: i32 = 1;
/// `kDLCUDAHost`: pinned host memory, readable from the CPU.
pub const DEVICE_CUDA_HOST: i32 = 3;

/// The capsule name of an unconsumed `DLManagedTensor`, and of a consumed one.
pub const CAPSULE_NAME: &std::ffi::CStr = c"dltensor";
pub const USED_CAPSULE_NAME: &std::ffi::CStr = c"used_dltensor";

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Device {
    pub device_type: i32,
    pub device_id: i32,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DataType {
    pub code: u8,
    pub bits: u8,
    pub lanes: u16,
}

#[repr(C)]
pub struct Tensor {
    pub data: *mut c_void,
    pub device: Device,
    pub ndim: i32,
    pub dtype: DataType,
    pub shape: *mut i64,
    /// In elements; null for a compact row-major tensor.
    pub strides: *mut i64,
    pub byte_offset: u64,
}

#[repr(C)]
pub struct ManagedTensor {
    pub dl_tensor: Tensor,
    pub manager_ctx: *mut c_void,
    pub deleter: Option<unsafe extern "C" fn(*mut ManagedTensor)>,
}

/// `cuda:0`, as frameworks name devices.
pub fn device_name(device: Device) -> String {
    let kind = match device.device_type {
        1 => return "cpu".to_string(),
        2 => "cuda",
        3 => "cuda_host",
        4 => "opencl",
        7 => "vulkan",
        8 => "mps",
        10 => "rocm",
        14 => "oneapi",
        other => return format!("DLPack device type {other}"),
    };
    format!("{kind}:{}", device.device_id)
}

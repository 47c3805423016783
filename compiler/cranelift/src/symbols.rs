//! Where the addresses of external functions come from.
//!
//! The generated code calls everything it does not define through an address known at
//! compile time (`call_indirect` of a constant): the runtime's `mlc_*` functions, `extern`
//! declarations, the C library's math functions and this crate's f16/bf16 helpers. Resolving
//! here, rather than leaving names to the JIT's linker, makes an unknown symbol a
//! `CodegenError` (cranelift-jit panics on one) and lets one symbol be called with the
//! signature of each call site.
//!
//! Order: the caller's resolver, then the C math functions this crate links itself (so `sin`
//! resolves even when nothing else in the process uses libm; these are the definitions the
//! executable was linked with, the ones Rust's `f64` methods and the runtime call too), then
//! the process's exported symbols (`dlsym`: libc and the shared libraries loaded).

use std::collections::HashMap;
use std::ffi::{c_char, c_void, CString};

use cranelift_codegen::ir::types::{self, Type};

use crate::softfloat;

/// A function of this crate that generated code calls (f16/bf16 support).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Helper {
    RoundF16,
    RoundBf16,
    F64ToF16,
    F64ToBf16,
    I64ToF16,
    U64ToF16,
    I64ToBf16,
    U64ToBf16,
    F16ToBits,
    F16FromBits,
    Bf16ToBits,
    Bf16FromBits,
}

impl Helper {
    pub(crate) fn address(self) -> usize {
        match self {
            Helper::RoundF16 => softfloat::round_f16 as extern "C" fn(f32) -> f32 as usize,
            Helper::RoundBf16 => softfloat::round_bf16 as extern "C" fn(f32) -> f32 as usize,
            Helper::F64ToF16 => softfloat::f64_to_f16 as extern "C" fn(f64) -> f32 as usize,
            Helper::F64ToBf16 => softfloat::f64_to_bf16 as extern "C" fn(f64) -> f32 as usize,
            Helper::I64ToF16 => softfloat::i64_to_f16 as extern "C" fn(i64) -> f32 as usize,
            Helper::U64ToF16 => softfloat::u64_to_f16 as extern "C" fn(u64) -> f32 as usize,
            Helper::I64ToBf16 => softfloat::i64_to_bf16 as extern "C" fn(i64) -> f32 as usize,
            Helper::U64ToBf16 => softfloat::u64_to_bf16 as extern "C" fn(u64) -> f32 as usize,
            Helper::F16ToBits => softfloat::f16_to_bits as extern "C" fn(f32) -> u32 as usize,
            Helper::F16FromBits => softfloat::f16_from_bits as extern "C" fn(u32) -> f32 as usize,
            Helper::Bf16ToBits => softfloat::bf16_to_bits as extern "C" fn(f32) -> u32 as usize,
            Helper::Bf16FromBits => softfloat::bf16_from_bits as extern "C" fn(u32) -> f32 as usize,
        }
    }

    /// `(parameter, result)` Cranelift types, matching the Rust signatures above.
    pub(crate) fn signature(self) -> (Type, Type) {
        match self {
            Helper::RoundF16 | Helper::RoundBf16 => (types::F32, types::F32),
            Helper::F64ToF16 | Helper::F64ToBf16 => (types::F64, types::F32),
            Helper::I64ToF16 | Helper::U64ToF16 | Helper::I64ToBf16 | Helper::U64ToBf16 => {
                (types::I64, types::F32)
            }
            Helper::F16ToBits | Helper::Bf16ToBits => (types::F32, types::I32),
            Helper::F16FromBits | Helper::Bf16FromBits => (types::I32, types::F32),
        }
    }
}

// The C library functions behind `math.*` and `arith.remf` (libm, which the Rust standard
// library links already on the platforms it supports). Taking their addresses here binds
// whichever definition the executable was linked with.
#[cfg_attr(all(unix, not(target_os = "macos")), link(name = "m"))]
extern "C" {
    fn exp(x: f64) -> f64;
    fn log(x: f64) -> f64;
    fn log2(x: f64) -> f64;
    fn log10(x: f64) -> f64;
    fn sin(x: f64) -> f64;
    fn cos(x: f64) -> f64;
    fn tan(x: f64) -> f64;
    fn asin(x: f64) -> f64;
    fn acos(x: f64) -> f64;
    fn atan(x: f64) -> f64;
    fn sinh(x: f64) -> f64;
    fn cosh(x: f64) -> f64;
    fn tanh(x: f64) -> f64;
    fn atan2(y: f64, x: f64) -> f64;
    fn pow(x: f64, y: f64) -> f64;
    fn fmod(x: f64, y: f64) -> f64;
    fn expf(x: f32) -> f32;
    fn logf(x: f32) -> f32;
    fn log2f(x: f32) -> f32;
    fn log10f(x: f32) -> f32;
    fn sinf(x: f32) -> f32;
    fn cosf(x: f32) -> f32;
    fn tanf(x: f32) -> f32;
    fn asinf(x: f32) -> f32;
    fn acosf(x: f32) -> f32;
    fn atanf(x: f32) -> f32;
    fn sinhf(x: f32) -> f32;
    fn coshf(x: f32) -> f32;
    fn tanhf(x: f32) -> f32;
    fn atan2f(y: f32, x: f32) -> f32;
    fn powf(x: f32, y: f32) -> f32;
    fn fmodf(x: f32, y: f32) -> f32;
}

/// The address of a C math function this crate links, by its C name.
fn libm_symbol(name: &str) -> Option<usize> {
    type Unary64 = unsafe extern "C" fn(f64) -> f64;
    type Binary64 = unsafe extern "C" fn(f64, f64) -> f64;
    type Unary32 = unsafe extern "C" fn(f32) -> f32;
    type Binary32 = unsafe extern "C" fn(f32, f32) -> f32;
    let address = match name {
        "exp" => exp as Unary64 as usize,
        "log" => log as Unary64 as usize,
        "log2" => log2 as Unary64 as usize,
        "log10" => log10 as Unary64 as usize,
        "sin" => sin as Unary64 as usize,
        "cos" => cos as Unary64 as usize,
        "tan" => tan as Unary64 as usize,
        "asin" => asin as Unary64 as usize,
        "acos" => acos as Unary64 as usize,
        "atan" => atan as Unary64 as usize,
        "sinh" => sinh as Unary64 as usize,
        "cosh" => cosh as Unary64 as usize,
        "tanh" => tanh as Unary64 as usize,
        "atan2" => atan2 as Binary64 as usize,
        "pow" => pow as Binary64 as usize,
        "fmod" => fmod as Binary64 as usize,
        "expf" => expf as Unary32 as usize,
        "logf" => logf as Unary32 as usize,
        "log2f" => log2f as Unary32 as usize,
        "log10f" => log10f as Unary32 as usize,
        "sinf" => sinf as Unary32 as usize,
        "cosf" => cosf as Unary32 as usize,
        "tanf" => tanf as Unary32 as usize,
        "asinf" => asinf as Unary32 as usize,
        "acosf" => acosf as Unary32 as usize,
        "atanf" => atanf as Unary32 as usize,
        "sinhf" => sinhf as Unary32 as usize,
        "coshf" => coshf as Unary32 as usize,
        "tanhf" => tanhf as Unary32 as usize,
        "atan2f" => atan2f as Binary32 as usize,
        "powf" => powf as Binary32 as usize,
        "fmodf" => fmodf as Binary32 as usize,
        _ => return None,
    };
    Some(address)
}

/// A symbol of the process (the executable and the shared libraries it loaded).
#[cfg(unix)]
fn process_symbol(name: &str) -> Option<usize> {
    extern "C" {
        fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    }
    #[cfg(target_os = "macos")]
    const RTLD_DEFAULT: *mut c_void = -2isize as *mut c_void;
    #[cfg(not(target_os = "macos"))]
    const RTLD_DEFAULT: *mut c_void = std::ptr::null_mut();
    let name = CString::new(name).ok()?;
    // SAFETY: `dlsym` with RTLD_DEFAULT only reads the NUL-terminated name.
    let address = unsafe { dlsym(RTLD_DEFAULT, name.as_ptr()) };
    (!address.is_null()).then_some(address as usize)
}

#[cfg(not(unix))]
fn process_symbol(_name: &str) -> Option<usize> {
    None
}

/// The resolution chain, with a cache (a module calls the same runtime functions often).
pub(crate) struct Symbols<'r> {
    resolve: &'r dyn Fn(&str) -> Option<*const u8>,
    cache: HashMap<String, usize>,
}

impl<'r> Symbols<'r> {
    pub(crate) fn new(resolve: &'r dyn Fn(&str) -> Option<*const u8>) -> Symbols<'r> {
        Symbols { resolve, cache: HashMap::new() }
    }

    /// The address of the C symbol `name`.
    pub(crate) fn address(&mut self, name: &str) -> Result<usize, String> {
        if let Some(&address) = self.cache.get(name) {
            return Ok(address);
        }
        let address = (self.resolve)(name)
            .filter(|address| !address.is_null())
            .map(|address| address as usize)
            .or_else(|| libm_symbol(name))
            .or_else(|| process_symbol(name))
            .ok_or_else(|| format!("unresolved symbol `{name}`"))?;
        self.cache.insert(name.to_string(), address);
        Ok(address)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_order() {
        let ours = 0x1234usize as *const u8;
        let resolve = move |name: &str| (name == "sin" || name == "mine").then_some(ours);
        let mut symbols = Symbols::new(&resolve);
        assert_eq!(symbols.address("mine"), Ok(0x1234));
        // The caller's resolver wins over libm.
        assert_eq!(symbols.address("sin"), Ok(0x1234));
        assert_eq!(symbols.address("cos"), Ok(cos as unsafe extern "C" fn(f64) -> f64 as usize));
        assert!(symbols.address("malloc").is_ok());
        assert_eq!(
            symbols.address("mlc_no_such_symbol"),
            Err("unresolved symbol `mlc_no_such_symbol`".to_string())
        );
    }
}

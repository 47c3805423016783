//! `t[...]` with slices: a view of the same buffer, as numpy's basic indexing.
//!
//! The subscript arrives as the `slice` attribute of `rt.builtin "tensor.slice"` joined by
//! commas (`"i,s101"`) and the `i64` operands it accounts for. Each entry applies to the
//! next dimension: `i` takes one operand, an index (negative from the end, out of range
//! panics), and removes the dimension; `sXYZ` is a slice whose start, stop and step are
//! present when `X`, `Y`, `Z` are `1` (one operand each), clamped like Python's, keeping
//! the dimension with a new length and stride. Dimensions after the last entry are kept
//! whole.

use std::ffi::{c_char, CStr};

use crate::abi::exports;
use crate::object::Handle;
use crate::panic::{panic_at, Loc};

use super::get;

exports! {
    /// `t[spec]` as a view; `operands` are the `n` `i64` values `spec` accounts for.
    fn mlc_tensor_slice(t: Handle, spec: *const c_char, operands: *const i64, n: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        let loc = Loc::new(file, line, col);
        // SAFETY: a live tensor, a C string and `n` operands.
        let (tensor, spec, operands) = unsafe {
            (
                get(t),
                CStr::from_ptr(spec).to_string_lossy().into_owned(),
                if n > 0 { std::slice::from_raw_parts(operands, n as usize) } else { &[] },
            )
        };
        let mut operands = operands.iter().copied();
        let mut next = || {
            operands.next().unwrap_or_else(|| crate::panic::internal("tensor slice: too few operands"))
        };
        let entries: Vec<&str> = spec.split(',').filter(|entry| !entry.is_empty()).collect();
        if entries.len() > tensor.rank() {
            panic_at(
                &format!("{} subscripts for a tensor of rank {}", entries.len(), tensor.rank()),
                loc,
            );
        }
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        let mut offset = tensor.offset;
        for (d, entry) in entries.iter().enumerate() {
            let (length, stride) = (tensor.shape()[d], tensor.strides()[d]);
            let flags = entry.as_bytes();
            if *entry == "i" {
                let index = next();
                let position = if index < 0 { index.wrapping_add(length) } else { index };
                if position < 0 || position >= length {
                    panic_at(&format!("index out of range: {index} (dimension {d} of length {length})"), loc);
                }
                offset += (position * stride) as isize;
            } else if flags.len() == 4 && flags[0] == b's' {
                let mut part = |flag: u8| (flag == b'1').then(&mut next);
                let (start, stop, step) = (part(flags[1]), part(flags[2]), part(flags[3]));
                let range = crate::slice::resolve(length, start, stop, step)
                    .unwrap_or_else(|message| panic_at(message, loc));
                if range.count > 0 {
                    offset += (range.start * stride) as isize;
                }
                shape.push(range.count);
                strides.push(range.step * stride);
            } else {
                crate::panic::internal(&format!("tensor slice: bad entry `{entry}`"));
            }
        }
        shape.extend_from_slice(&tensor.shape()[entries.len()..]);
        strides.extend_from_slice(&tensor.strides()[entries.len()..]);
        tensor.view(shape, strides, offset)
    }
}

//! `str(x)` and `repr(x)` of any value, given its descriptor: what `print`, `str()`,
//! f-strings and container printing share.
//!
//! Numbers print as Python's (`f16`, `bf16` and `f32` widened to `f64` first, so an `f32`
//! 0.1 prints as `0.10000000149011612`), `bool` as `True`/`False`, strings raw at the top
//! level and quoted inside containers, tuples as `(1, 'a')` and `(x,)`, structs as
//! `Named(name='ann', score=9.5)` (generic instances without their type arguments,
//! `Pair(first=1, second=2)`), handles through their object's own writer.

use std::fmt::Write;

use crate::desc::{Kind, TypeDesc};
use crate::numbers::{bf16_bits_to_f32, f16_bits_to_f32};
use crate::object::{self, Handle};
use crate::value::read;

use super::repr::{write_float_repr, write_str_repr};

/// The name a struct prints with: its symbol without type arguments.
pub fn struct_display_name(name: &str) -> &str {
    name.split('[').next().unwrap_or(name)
}

/// Appends the text of the value at `p`: `str(x)` when `repr` is false, `repr(x)` when
/// true (inside containers).
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn write_value(out: &mut String, p: *const u8, desc: &TypeDesc, repr: bool) {
    // SAFETY: the descriptor says what is at `p`; nested values are at its offsets.
    unsafe {
        let _ = match desc.kind() {
            Kind::Bool => {
                out.push_str(if read::<u8>(p) != 0 { "True" } else { "False" });
                Ok(())
            }
            Kind::I8 => write!(out, "{}", read::<i8>(p)),
            Kind::I16 => write!(out, "{}", read::<i16>(p)),
            Kind::I32 => write!(out, "{}", read::<i32>(p)),
            Kind::I64 => write!(out, "{}", read::<i64>(p)),
            Kind::U8 => write!(out, "{}", read::<u8>(p)),
            Kind::U16 => write!(out, "{}", read::<u16>(p)),
            Kind::U32 => write!(out, "{}", read::<u32>(p)),
            Kind::U64 => write!(out, "{}", read::<u64>(p)),
            Kind::F16 => {
                write_float_repr(out, f16_bits_to_f32(read::<u16>(p)).into());
                Ok(())
            }
            Kind::BF16 => {
                write_float_repr(out, bf16_bits_to_f32(read::<u16>(p)).into());
                Ok(())
            }
            Kind::F32 => {
                write_float_repr(out, read::<f32>(p).into());
                Ok(())
            }
            Kind::F64 => {
                write_float_repr(out, read::<f64>(p));
                Ok(())
            }
            Kind::Str => {
                let text = crate::str::text(read::<Handle>(p));
                if repr {
                    write_str_repr(out, text);
                } else {
                    out.push_str(text);
                }
                Ok(())
            }
            Kind::Tuple(elements) => {
                out.push('(');
                for (i, (element, &offset)) in elements.iter().zip(desc.field_offsets()).enumerate()
                {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_value(out, p.add(offset), element, true);
                }
                if elements.len() == 1 {
                    out.push(',');
                }
                out.push(')');
                Ok(())
            }
            Kind::Struct { name, fields } => {
                out.push_str(struct_display_name(name));
                out.push('(');
                for (i, ((field, field_desc), &offset)) in
                    fields.iter().zip(desc.field_offsets()).enumerate()
                {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(field);
                    out.push('=');
                    write_value(out, p.add(offset), field_desc, true);
                }
                out.push(')');
                Ok(())
            }
            Kind::List(_)
            | Kind::Dict(..)
            | Kind::Tensor(_)
            | Kind::PyObject
            | Kind::Error
            | Kind::Space => {
                object::write_object(read::<Handle>(p), out, repr);
                Ok(())
            }
        };
    }
}

/// `str(x)` of the value at `p` as a Rust string.
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn value_to_string(p: *const u8, desc: &TypeDesc) -> String {
    let mut out = String::new();
    // SAFETY: per the contract above.
    unsafe { write_value(&mut out, p, desc, false) };
    out
}

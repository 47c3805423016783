//! Operations on a value in memory, given its descriptor: copying with reference counts,
//! equality, ordering and hashing, as containers need them.
//!
//! Semantics follow Python's: numbers by value (`-0.0 == 0.0`, NaN equal to nothing),
//! `str` by code point order, tuples, lists and structs element by element and
//! lexicographically (structs compare field by field, as a dataclass with `order=True`),
//! dicts by their items. Tensors, Python objects, errors and spaces compare by identity and
//! have no order.

use std::cmp::Ordering;
use std::ptr;

use crate::desc::{Kind, TypeDesc};
use crate::object::{self, Handle};

/// Reads a value of type `T` (any alignment).
///
/// # Safety
///
/// `p` points to a readable `T`.
#[inline]
pub unsafe fn read<T: Copy>(p: *const u8) -> T {
    // SAFETY: per the contract above.
    unsafe { ptr::read_unaligned(p.cast::<T>()) }
}

/// Writes a value of type `T` (any alignment).
///
/// # Safety
///
/// `p` points to writable memory for a `T`.
#[inline]
pub unsafe fn write<T: Copy>(p: *mut u8, value: T) {
    // SAFETY: per the contract above.
    unsafe { ptr::write_unaligned(p.cast::<T>(), value) }
}

/// Adds a reference to every handle inside the value at `p`.
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
#[inline]
pub unsafe fn retain_value(p: *const u8, desc: &TypeDesc) {
    for &offset in desc.handle_offsets() {
        // SAFETY: the descriptor says a live handle (or null) is at this offset.
        unsafe { object::retain(read::<Handle>(p.add(offset))) };
    }
}

/// Drops a reference to every handle inside the value at `p`.
///
/// # Safety
///
/// `p` points to a valid value of type `desc` whose references the caller owns.
#[inline]
pub unsafe fn release_value(p: *const u8, desc: &TypeDesc) {
    for &offset in desc.handle_offsets() {
        // SAFETY: the descriptor says an owned handle (or null) is at this offset.
        unsafe { object::release(read::<Handle>(p.add(offset))) };
    }
}

/// Copies the value at `src` to `dst`, retaining its handles (the copy is owned).
///
/// # Safety
///
/// `src` points to a valid value of type `desc`, `dst` to writable memory for one; they do
/// not overlap.
#[inline]
pub unsafe fn copy_value(dst: *mut u8, src: *const u8, desc: &TypeDesc) {
    // SAFETY: per the contract above.
    unsafe {
        // Scalars and handles (most elements) without a call to `memcpy`.
        match desc.size() {
            8 => write(dst, read::<u64>(src)),
            4 => write(dst, read::<u32>(src)),
            1 => write(dst, read::<u8>(src)),
            size => ptr::copy_nonoverlapping(src, dst, size),
        }
        retain_value(src, desc);
    }
}

/// A scalar read as one of three wide types, for comparisons and hashing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i128),
    Float(f64),
}

/// Reads a number (or `bool`, as 0 or 1) at `p`; `None` for non-scalar types.
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn read_number(p: *const u8, desc: &TypeDesc) -> Option<Number> {
    // SAFETY: the descriptor says which scalar is at `p`.
    unsafe {
        Some(match desc.kind() {
            Kind::Bool => Number::Int(i128::from(read::<u8>(p) != 0)),
            Kind::I8 => Number::Int(read::<i8>(p).into()),
            Kind::I16 => Number::Int(read::<i16>(p).into()),
            Kind::I32 => Number::Int(read::<i32>(p).into()),
            Kind::I64 => Number::Int(read::<i64>(p).into()),
            Kind::U8 => Number::Int(read::<u8>(p).into()),
            Kind::U16 => Number::Int(read::<u16>(p).into()),
            Kind::U32 => Number::Int(read::<u32>(p).into()),
            Kind::U64 => Number::Int(read::<u64>(p).into()),
            Kind::F16 => Number::Float(crate::numbers::f16_bits_to_f32(read::<u16>(p)).into()),
            Kind::BF16 => Number::Float(crate::numbers::bf16_bits_to_f32(read::<u16>(p)).into()),
            Kind::F32 => Number::Float(read::<f32>(p).into()),
            Kind::F64 => Number::Float(read::<f64>(p)),
            _ => return None,
        })
    }
}

/// `a == b` for values of type `desc`.
///
/// # Safety
///
/// `a` and `b` point to valid values of type `desc`.
pub unsafe fn values_eq(a: *const u8, b: *const u8, desc: &TypeDesc) -> bool {
    // SAFETY: both point to values of type `desc`; nested values are at the offsets the
    // descriptor gives.
    unsafe {
        if let (Some(x), Some(y)) = (read_number(a, desc), read_number(b, desc)) {
            return match (x, y) {
                (Number::Int(x), Number::Int(y)) => x == y,
                (Number::Float(x), Number::Float(y)) => x == y,
                _ => false,
            };
        }
        match desc.kind() {
            Kind::Str => {
                let (x, y) = (read::<Handle>(a), read::<Handle>(b));
                x == y || crate::str::text(x) == crate::str::text(y)
            }
            Kind::List(_) => crate::list::lists_eq(read(a), read(b)),
            Kind::Dict(..) => crate::dict::dicts_eq(read(a), read(b)),
            Kind::Tuple(elements) => elements
                .iter()
                .zip(desc.field_offsets())
                .all(|(element, &offset)| values_eq(a.add(offset), b.add(offset), element)),
            Kind::Struct { fields, .. } => fields
                .iter()
                .zip(desc.field_offsets())
                .all(|((_, field), &offset)| values_eq(a.add(offset), b.add(offset), field)),
            _ => read::<Handle>(a) == read::<Handle>(b),
        }
    }
}

/// `a < b` for values of type `desc` (false for types without an order).
///
/// # Safety
///
/// `a` and `b` point to valid values of type `desc`.
pub unsafe fn value_lt(a: *const u8, b: *const u8, desc: &TypeDesc) -> bool {
    // SAFETY: both point to values of type `desc`.
    unsafe { compare(a, b, desc) == Some(Ordering::Less) }
}

/// Python's order of two values: `None` when they are unordered (NaN, identity types).
/// Sequences compare at the first position whose elements differ (`==`), by `<` there.
///
/// # Safety
///
/// `a` and `b` point to valid values of type `desc`.
pub unsafe fn compare(a: *const u8, b: *const u8, desc: &TypeDesc) -> Option<Ordering> {
    // SAFETY: both point to values of type `desc`; nested values are at the offsets the
    // descriptor gives.
    unsafe {
        if let (Some(x), Some(y)) = (read_number(a, desc), read_number(b, desc)) {
            return match (x, y) {
                (Number::Int(x), Number::Int(y)) => Some(x.cmp(&y)),
                (Number::Float(x), Number::Float(y)) => x.partial_cmp(&y),
                _ => None,
            };
        }
        match desc.kind() {
            Kind::Str => Some(crate::str::text(read(a)).cmp(crate::str::text(read(b)))),
            Kind::List(element) => crate::list::lists_compare(read(a), read(b), element),
            Kind::Tuple(elements) => {
                compare_fields(a, b, elements.iter().zip(desc.field_offsets().iter().copied()))
            }
            Kind::Struct { fields, .. } => compare_fields(
                a,
                b,
                fields.iter().map(|(_, field)| field).zip(desc.field_offsets().iter().copied()),
            ),
            _ => {
                if read::<Handle>(a) == read::<Handle>(b) {
                    Some(Ordering::Equal)
                } else {
                    None
                }
            }
        }
    }
}

/// Lexicographic order of fields at the given offsets.
///
/// # Safety
///
/// `a` and `b` point to aggregates holding the fields at those offsets.
unsafe fn compare_fields<'a>(
    a: *const u8,
    b: *const u8,
    fields: impl Iterator<Item = (&'a TypeDesc, usize)>,
) -> Option<Ordering> {
    for (field, offset) in fields {
        // SAFETY: per the contract above.
        unsafe {
            let (x, y) = (a.add(offset), b.add(offset));
            if !values_eq(x, y, field) {
                return compare(x, y, field);
            }
        }
    }
    Some(Ordering::Equal)
}

/// Mixes a 64-bit value (the finalizer of splitmix64): every input bit affects every
/// output bit, so open addressing can use the low bits.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash of bytes (FNV-1a over 8-byte words, then mixed).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(0x0000_0100_0000_01b3);
        hash = hash.rotate_left(29);
    }
    for &byte in chunks.remainder() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(hash)
}

/// A hash consistent with [`values_eq`] (equal values hash equally).
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn hash_value(p: *const u8, desc: &TypeDesc) -> u64 {
    // SAFETY: `p` points to a value of type `desc`; nested values at the given offsets.
    unsafe {
        if let Some(number) = read_number(p, desc) {
            return match number {
                Number::Int(x) => mix(x as u64),
                // `-0.0 == 0.0`: hash them alike.
                Number::Float(x) => mix(if x == 0.0 { 0 } else { x.to_bits() }),
            };
        }
        match desc.kind() {
            Kind::Str => crate::str::get(read(p)).hash(),
            Kind::Tuple(elements) => {
                let mut hash = 0x345678_u64;
                for (element, &offset) in elements.iter().zip(desc.field_offsets()) {
                    hash = mix(hash ^ hash_value(p.add(offset), element)).wrapping_add(0x9e37);
                }
                hash
            }
            Kind::Struct { fields, .. } => {
                let mut hash = 0x5678_u64;
                for ((_, field), &offset) in fields.iter().zip(desc.field_offsets()) {
                    hash = mix(hash ^ hash_value(p.add(offset), field)).wrapping_add(0x9e37);
                }
                hash
            }
            // Lists and dicts are not valid keys (the checker says so); identity for the
            // rest.
            _ => mix(read::<Handle>(p) as usize as u64),
        }
    }
}

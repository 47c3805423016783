//! `str`: immutable UTF-8 text, indexed and measured by code point like Python's.
//!
//! One allocation holds the header, the byte and code-point lengths, a lazily computed
//! hash (dict keys) and the bytes. ASCII text (as many code points as bytes) is indexed in
//! constant time; other text by walking it.

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::ffi::c_char;
use std::ptr;

use crate::abi::exports;
use crate::error;
use crate::list;
use crate::object::{self, Handle, Header, Object, VTable};
use crate::panic::{panic_at, Loc};

/// A string object; its bytes follow it in the same allocation.
#[repr(C)]
pub struct StrObj {
    header: Header,
    len: usize,
    chars: usize,
    /// 0 until computed.
    hash: Cell<u64>,
}

static VTABLE: VTable = VTable { name: "str", drop: drop_str, write: write_str_object };

// SAFETY: `#[repr(C)]` with the header first; only `new_str` uses `VTABLE`.
unsafe impl Object for StrObj {
    const VTABLE: &'static VTable = &VTABLE;
}

fn layout_for(len: usize) -> Layout {
    match Layout::from_size_align(size_of::<StrObj>() + len, align_of::<StrObj>()) {
        Ok(layout) => layout,
        Err(_) => crate::panic::internal("string too large"),
    }
}

/// A new `str` holding `text`.
pub fn new_str(text: &str) -> Handle {
    let layout = layout_for(text.len());
    // SAFETY: the layout has a nonzero size (the header).
    let memory = unsafe { alloc::alloc(layout) }.cast::<StrObj>();
    if memory.is_null() {
        alloc::handle_alloc_error(layout);
    }
    let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
    // SAFETY: `memory` is a fresh allocation large enough for the object and its bytes.
    unsafe {
        memory.write(StrObj {
            header: Header::new(&VTABLE),
            len: text.len(),
            chars,
            hash: Cell::new(0),
        });
        ptr::copy_nonoverlapping(text.as_ptr(), memory.add(1).cast::<u8>(), text.len());
    }
    object::count_allocation();
    memory.cast()
}

/// A new `str` from bytes that may not be UTF-8 (invalid sequences become U+FFFD).
pub fn new_str_lossy(bytes: &[u8]) -> Handle {
    new_str(&String::from_utf8_lossy(bytes))
}

unsafe fn drop_str(handle: Handle) {
    // SAFETY: called once with the last reference to a string.
    let len = unsafe { object::cast::<StrObj>(handle) }.len;
    object::count_free();
    // SAFETY: allocated by `new_str` with this layout.
    unsafe { alloc::dealloc(handle.cast(), layout_for(len)) };
}

unsafe fn write_str_object(handle: Handle, out: &mut String, repr: bool) {
    // SAFETY: the vtable is only reached through live strings.
    let text = unsafe { text(handle) };
    if repr {
        crate::format::repr::write_str_repr(out, text);
    } else {
        out.push_str(text);
    }
}

impl StrObj {
    pub fn as_str(&self) -> &str {
        // SAFETY: `len` bytes follow the object, written from a `&str` by `new_str`.
        unsafe {
            let bytes =
                std::slice::from_raw_parts((self as *const StrObj).add(1).cast::<u8>(), self.len);
            std::str::from_utf8_unchecked(bytes)
        }
    }

    /// The number of code points.
    pub fn char_count(&self) -> usize {
        self.chars
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.len
    }

    /// The hash of the text (computed once).
    pub fn hash(&self) -> u64 {
        let hash = self.hash.get();
        if hash != 0 {
            return hash;
        }
        let hash = crate::value::hash_bytes(self.as_str().as_bytes()) | 1;
        self.hash.set(hash);
        hash
    }

    /// The byte offset of code point `index` (`index <= char_count`).
    fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index
        } else {
            self.as_str().char_indices().nth(index).map_or(self.len, |(offset, _)| offset)
        }
    }
}

/// The text of a `str` handle.
///
/// # Safety
///
/// `handle` is a live `str` handle, which outlives the returned reference.
pub unsafe fn text<'a>(handle: Handle) -> &'a str {
    // SAFETY: the caller passes a live string.
    unsafe { object::cast::<StrObj>(handle) }.as_str()
}

/// The string object behind a handle.
///
/// # Safety
///
/// `handle` is a live `str` handle, which outlives the returned reference.
pub unsafe fn get<'a>(handle: Handle) -> &'a StrObj {
    // SAFETY: the caller passes a live string.
    unsafe { object::cast::<StrObj>(handle) }
}

/// Python's `str.isspace` for one character: Unicode white space plus the separators
/// `\x1c`-`\x1f`, which Python also splits on.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The code point index of a byte offset.
fn char_index(text: &str, byte_offset: usize) -> i64 {
    text[..byte_offset].chars().count() as i64
}

fn split_whitespace(text: &str) -> Vec<&str> {
    text.split(is_py_space).filter(|part| !part.is_empty()).collect()
}

fn strip<'a>(text: &'a str, chars: Option<&str>, left: bool, right: bool) -> &'a str {
    let matches = |c: char| match chars {
        Some(set) => set.contains(c),
        None => is_py_space(c),
    };
    let mut result = text;
    if left {
        result = result.trim_start_matches(matches);
    }
    if right {
        result = result.trim_end_matches(matches);
    }
    result
}

/// `str.isdigit`: nonempty and every character a digit (ASCII digits, and other Unicode
/// numeric characters).
fn is_digits(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
}

/// Removes the underscores Python accepts in numbers: single ones between two digits.
/// `None` when an underscore is anywhere else.
fn remove_digit_underscores(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `int(text)` in base 10, as Python parses it (surrounding white space, a sign, digits
/// with single underscores between them); `Err` with Python's message.
pub fn parse_i64(text: &str) -> Result<i64, (&'static str, String)> {
    let invalid = || {
        let mut detail = "invalid literal for int() with base 10: ".to_string();
        crate::format::repr::write_str_repr(&mut detail, text);
        ("ValueError", detail)
    };
    let trimmed = text.trim_matches(is_py_space);
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    if digits.is_empty() || !digits.as_bytes()[0].is_ascii_digit() {
        return Err(invalid());
    }
    let digits = remove_digit_underscores(digits).ok_or_else(invalid)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let mut value: i128 = 0;
    for digit in digits.bytes() {
        value = value * 10 + i128::from(digit - b'0');
        if value > i128::from(i64::MAX) + 1 {
            let mut detail = "int too large for i64: ".to_string();
            crate::format::repr::write_str_repr(&mut detail, text);
            return Err(("OverflowError", detail));
        }
    }
    let value = if negative { -value } else { value };
    i64::try_from(value).map_err(|_| {
        let mut detail = "int too large for i64: ".to_string();
        crate::format::repr::write_str_repr(&mut detail, text);
        ("OverflowError", detail)
    })
}

/// `float(text)` as Python parses it; `Err` with Python's message.
pub fn parse_f64(text: &str) -> Result<f64, (&'static str, String)> {
    let invalid = || {
        let mut detail = "could not convert string to float: ".to_string();
        crate::format::repr::write_str_repr(&mut detail, text);
        ("ValueError", detail)
    };
    let trimmed = text.trim_matches(is_py_space);
    let cleaned = remove_digit_underscores(trimmed).ok_or_else(invalid)?;
    // Rust accepts the same forms as Python (`1e3`, `.5`, `5.`, `inf`, `-Infinity`, `nan`),
    // once underscores are gone; rule out anything else that is not ASCII.
    if !cleaned.is_ascii() {
        return Err(invalid());
    }
    cleaned.parse::<f64>().map_err(|_| invalid())
}

/// `s[i]` with a negative `i` counting from the end.
fn normalize_index(index: i64, length: usize, loc: Loc) -> usize {
    let length = length as i64;
    let position = if index < 0 { index + length } else { index };
    if position < 0 || position >= length {
        panic_at(&format!("index out of range: {index} (length {length})"), loc);
    }
    position as usize
}

exports! {
    /// A new string from `len` bytes of UTF-8 (invalid sequences become U+FFFD).
    fn mlc_str_new(bytes: *const u8, len: i64) -> Handle {
        if len <= 0 || bytes.is_null() {
            return new_str("");
        }
        // SAFETY: generated code passes `len` readable bytes.
        let bytes = unsafe { std::slice::from_raw_parts(bytes, len as usize) };
        match std::str::from_utf8(bytes) {
            Ok(text) => new_str(text),
            Err(_) => new_str_lossy(bytes),
        }
    }

    /// The concatenation of `n` strings (an array of `str` handles).
    fn mlc_str_concat(parts: *const Handle, n: i64) -> Handle {
        if n <= 0 {
            return new_str("");
        }
        // SAFETY: generated code passes an array of `n` live strings.
        let parts = unsafe { std::slice::from_raw_parts(parts, n as usize) };
        // SAFETY: each part is a live string.
        let texts: Vec<&str> = parts.iter().map(|&part| unsafe { text(part) }).collect();
        new_str(&texts.concat())
    }

    /// `len(s)`: code points.
    fn mlc_str_len(s: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let _ = (file, line, col);
        // SAFETY: a live string.
        unsafe { get(s) }.char_count() as i64
    }

    /// `s[i]`: a one-character string; out of range panics.
    fn mlc_str_getitem(s: Handle, i: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a live string.
        let string = unsafe { get(s) };
        let position = normalize_index(i, string.char_count(), Loc::new(file, line, col));
        if string.is_ascii() {
            return new_str(&string.as_str()[position..position + 1]);
        }
        let c = string.as_str().chars().nth(position).unwrap_or('\u{fffd}');
        new_str(c.encode_utf8(&mut [0; 4]))
    }

    /// `sub in s`.
    fn mlc_str_contains(s: Handle, sub: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { text(s).contains(text(sub)) }
    }

    /// `a == b`.
    fn mlc_str_eq(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { a == b || text(a) == text(b) }
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b` (code point order).
    fn mlc_str_compare(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { text(a).cmp(text(b)) as i64 }
    }

    /// `s * n` (empty for `n <= 0`).
    fn mlc_str_repeat(s: Handle, n: i64, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: a live string.
        let source = unsafe { text(s) };
        if n <= 0 || source.is_empty() {
            return new_str("");
        }
        if (source.len() as u128) * (n as u128) > isize::MAX as u128 {
            panic_at("repeated string too large", Loc::new(file, line, col));
        }
        new_str(&source.repeat(n as usize))
    }

    /// `s.split(sep)`; a null `sep` splits on runs of white space. An empty `sep` panics.
    fn mlc_str_split(s: Handle, sep: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        // SAFETY: live strings (`sep` may be null).
        let source = unsafe { text(s) };
        let parts = if sep.is_null() {
            split_whitespace(source)
        } else {
            // SAFETY: a live string.
            let separator = unsafe { text(sep) };
            if separator.is_empty() {
                panic_at("empty separator", Loc::new(file, line, col));
            }
            source.split(separator).collect()
        };
        list::list_of_strs(parts.into_iter())
    }

    /// `s.strip(chars)`; null `chars` strips white space.
    fn mlc_str_strip(s: Handle, chars: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: live strings (`chars` may be null).
        unsafe { strip_export(s, chars, true, true) }
    }

    /// `s.lstrip(chars)`.
    fn mlc_str_lstrip(s: Handle, chars: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: live strings (`chars` may be null).
        unsafe { strip_export(s, chars, true, false) }
    }

    /// `s.rstrip(chars)`.
    fn mlc_str_rstrip(s: Handle, chars: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: live strings (`chars` may be null).
        unsafe { strip_export(s, chars, false, true) }
    }

    /// `sep.join(parts)` (a `List[str]`).
    fn mlc_str_join(sep: Handle, parts: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live string and a live `List[str]`.
        unsafe {
            let separator = text(sep);
            let list = list::get(parts);
            let mut out = String::new();
            for i in 0..list.len() {
                if i > 0 {
                    out.push_str(separator);
                }
                out.push_str(text(list.read_handle(i)));
            }
            new_str(&out)
        }
    }

    /// `s.startswith(prefix)`.
    fn mlc_str_startswith(s: Handle, prefix: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { text(s).starts_with(text(prefix)) }
    }

    /// `s.endswith(suffix)`.
    fn mlc_str_endswith(s: Handle, suffix: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { text(s).ends_with(text(suffix)) }
    }

    /// `s.find(sub)`: the code point index of the first occurrence, or -1.
    fn mlc_str_find(s: Handle, sub: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        let _ = (file, line, col);
        // SAFETY: live strings.
        let (source, needle) = unsafe { (text(s), text(sub)) };
        source.find(needle).map_or(-1, |offset| char_index(source, offset))
    }

    /// `s.replace(old, new)` (every occurrence; an empty `old` inserts between characters).
    fn mlc_str_replace(s: Handle, old: Handle, new: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: live strings.
        unsafe { new_str(&text(s).replace(text(old), text(new))) }
    }

    /// `s.upper()` (full Unicode case mapping, as Python).
    fn mlc_str_upper(s: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live string.
        new_str(&unsafe { text(s) }.to_uppercase())
    }

    /// `s.lower()`.
    fn mlc_str_lower(s: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        let _ = (file, line, col);
        // SAFETY: a live string.
        new_str(&unsafe { text(s) }.to_lowercase())
    }

    /// `s.isdigit()`.
    fn mlc_str_isdigit(s: Handle, file: *const c_char, line: i32, col: i32) -> bool {
        let _ = (file, line, col);
        // SAFETY: a live string.
        is_digits(unsafe { text(s) })
    }

    /// `i64(s)`: bad text raises `ValueError` (out of range: `OverflowError`).
    fn mlc_str_to_i64(s: Handle, file: *const c_char, line: i32, col: i32) -> i64 {
        // SAFETY: a live string.
        match parse_i64(unsafe { text(s) }) {
            Ok(value) => value,
            Err((kind, detail)) => {
                error::raise_new(kind, &detail, Loc::new(file, line, col));
                0
            }
        }
    }

    /// `f64(s)`: bad text raises `ValueError`.
    fn mlc_str_to_f64(s: Handle, file: *const c_char, line: i32, col: i32) -> f64 {
        // SAFETY: a live string.
        match parse_f64(unsafe { text(s) }) {
            Ok(value) => value,
            Err((kind, detail)) => {
                error::raise_new(kind, &detail, Loc::new(file, line, col));
                0.0
            }
        }
    }

    /// `s[start:stop:step]` (bits 0/1/2 of `present`: which parts were written).
    fn mlc_str_slice(
        s: Handle,
        start: i64,
        stop: i64,
        step: i64,
        present: i32,
        file: *const c_char,
        line: i32,
        col: i32,
    ) -> Handle {
        // SAFETY: a live string.
        let string = unsafe { get(s) };
        let [start, stop, step] = crate::slice::from_abi(start, stop, step, present);
        let range = match crate::slice::resolve(string.char_count() as i64, start, stop, step) {
            Ok(range) => range,
            Err(message) => panic_at(message, Loc::new(file, line, col)),
        };
        let source = string.as_str();
        if range.step == 1 {
            let begin = string.byte_offset(range.start.max(0) as usize);
            let end = string.byte_offset((range.start + range.count).max(0) as usize);
            return new_str(&source[begin..end]);
        }
        let result: String = if string.is_ascii() {
            range.positions().map(|i| source.as_bytes()[i as usize] as char).collect()
        } else {
            let chars: Vec<char> = source.chars().collect();
            range.positions().map(|i| chars[i as usize]).collect()
        };
        new_str(&result)
    }
}

/// Shared body of `strip`, `lstrip`, `rstrip`.
///
/// # Safety
///
/// `s` is a live string, `chars` null or a live string.
unsafe fn strip_export(s: Handle, chars: Handle, left: bool, right: bool) -> Handle {
    // SAFETY: per the contract above.
    let (source, set) = unsafe { (text(s), (!chars.is_null()).then(|| text(chars))) };
    let result = strip(source, set, left, right);
    if result.len() == source.len() {
        // SAFETY: nothing stripped: share the string.
        unsafe { object::retain(s) };
        return s;
    }
    new_str(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ints_like_python() {
        assert_eq!(parse_i64("  42\n"), Ok(42));
        assert_eq!(parse_i64("-17"), Ok(-17));
        assert_eq!(parse_i64("+1_000"), Ok(1000));
        assert_eq!(parse_i64("-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(parse_i64("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(parse_i64("9223372036854775808").unwrap_err().0, "OverflowError");
        assert_eq!(
            parse_i64("abc"),
            Err(("ValueError", "invalid literal for int() with base 10: 'abc'".to_string()))
        );
        for bad in ["", " ", "1_", "_1", "1__0", "1.5", "--1", "0x10", "1 2"] {
            assert!(parse_i64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_floats_like_python() {
        assert_eq!(parse_f64("2.5"), Ok(2.5));
        assert_eq!(parse_f64(" 1e3 "), Ok(1000.0));
        assert_eq!(parse_f64(".5"), Ok(0.5));
        assert_eq!(parse_f64("5."), Ok(5.0));
        assert_eq!(parse_f64("1_000.25"), Ok(1000.25));
        assert_eq!(parse_f64("-inf"), Ok(f64::NEG_INFINITY));
        assert_eq!(parse_f64("Infinity"), Ok(f64::INFINITY));
        assert!(parse_f64("nan").unwrap().is_nan());
        assert_eq!(
            parse_f64("x1"),
            Err(("ValueError", "could not convert string to float: 'x1'".to_string()))
        );
        for bad in ["", "1e", "e5", "1_.5", "1._5", ".", "1.2.3"] {
            assert!(parse_f64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn whitespace_and_strip() {
        assert_eq!(split_whitespace("  many   spaces here "), vec!["many", "spaces", "here"]);
        assert_eq!(split_whitespace("a\x1cb\u{3000}c"), vec!["a", "b", "c"]);
        assert_eq!(strip("xxhixx", Some("x"), true, true), "hi");
        assert_eq!(strip("--a--", Some("-"), true, false), "a--");
        assert_eq!(strip("--a--", Some("-"), false, true), "--a");
        assert_eq!(strip(" \t a \n", None, true, true), "a");
        assert!(is_digits("12345") && !is_digits("12a") && !is_digits(""));
    }
}

//! Type descriptors: the strings through which generated code tells generic runtime
//! functions (lists, dicts, printing, formatting, tensors) the type of the values they
//! handle, and the memory layout those values have.
//!
//! Grammar (`docs/runtime.md`):
//!
//! ```text
//! desc := "b" | "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64"
//!       | "f16" | "bf16" | "f32" | "f64" | "s" | "L[" desc "]" | "D[" desc "," desc "]"
//!       | "T[" desc "]" | "P" | "E" | "X" | "(" [desc ("," desc)*] ")"
//!       | "S[" name "|" [field ":" desc ("," field ":" desc)*] "]"
//! ```
//!
//! Layout: C layout of the fields in order (scalars aligned to their size, `b` one byte,
//! `f16`/`bf16` two, handles eight), the size rounded up to the largest alignment, an empty
//! aggregate of size 0 and alignment 1. The compiler uses [`TypeDesc::layout`] and
//! [`TypeDesc::field_offsets`] too, so both sides agree by construction.
//!
//! Generated code passes descriptors as constant C strings on every call; [`from_cstr`]
//! parses each distinct string once and caches the result by address (checked against the
//! text, since a JIT may reuse the address of a freed module for other text).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_char, CStr};
use std::fmt;
use std::sync::Mutex;

/// Size and alignment of a value in memory, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub size: usize,
    pub align: usize,
}

/// What a descriptor describes.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F16,
    BF16,
    F32,
    F64,
    Str,
    List(Box<TypeDesc>),
    Dict(Box<TypeDesc>, Box<TypeDesc>),
    Tensor(Box<TypeDesc>),
    PyObject,
    Error,
    Space,
    Tuple(Vec<TypeDesc>),
    /// A struct: its symbol (`Vec3`, `Pair[i64]`) and its named fields.
    Struct {
        name: String,
        fields: Vec<(String, TypeDesc)>,
    },
}

/// A parsed descriptor with its layout and the offsets derived from it, computed once.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDesc {
    kind: Kind,
    layout: Layout,
    /// Byte offsets of the elements of a tuple or the fields of a struct.
    offsets: Vec<usize>,
    /// Byte offsets of every handle inside a value of this type (nested aggregates
    /// flattened): what retaining or releasing a value touches.
    handles: Vec<usize>,
}

/// Why a descriptor string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescError {
    pub text: String,
    pub position: usize,
    pub message: String,
}

impl fmt::Display for DescError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid type descriptor `{}` at byte {}: {}",
            self.text, self.position, self.message
        )
    }
}

impl std::error::Error for DescError {}

fn align_up(offset: usize, align: usize) -> usize {
    offset.div_ceil(align) * align
}

impl TypeDesc {
    /// A descriptor of `kind`, with its layout computed.
    pub fn new(kind: Kind) -> TypeDesc {
        let scalar = |size: usize| Layout { size, align: size };
        let (layout, offsets, handles) = match &kind {
            Kind::Bool | Kind::I8 | Kind::U8 => (scalar(1), vec![], vec![]),
            Kind::I16 | Kind::U16 | Kind::F16 | Kind::BF16 => (scalar(2), vec![], vec![]),
            Kind::I32 | Kind::U32 | Kind::F32 => (scalar(4), vec![], vec![]),
            Kind::I64 | Kind::U64 | Kind::F64 => (scalar(8), vec![], vec![]),
            Kind::Str
            | Kind::List(_)
            | Kind::Dict(..)
            | Kind::Tensor(_)
            | Kind::PyObject
            | Kind::Error
            | Kind::Space => (scalar(8), vec![], vec![0]),
            Kind::Tuple(elements) => aggregate(elements.iter()),
            Kind::Struct { fields, .. } => aggregate(fields.iter().map(|(_, desc)| desc)),
        };
        TypeDesc { kind, layout, offsets, handles }
    }

    /// Parses a descriptor string.
    pub fn parse(text: &str) -> Result<TypeDesc, DescError> {
        let mut parser = Parser { text, position: 0 };
        let desc = parser.desc()?;
        if parser.position != text.len() {
            return Err(parser.error("unexpected text after the descriptor"));
        }
        Ok(desc)
    }

    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// Size and alignment of a value of this type in memory.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    pub fn size(&self) -> usize {
        self.layout.size
    }

    /// Byte offsets of a tuple's elements or a struct's fields (empty for other types).
    pub fn field_offsets(&self) -> &[usize] {
        &self.offsets
    }

    /// Byte offsets of the handles inside a value (`[0]` for a handle itself).
    pub fn handle_offsets(&self) -> &[usize] {
        &self.handles
    }

    /// Whether values hold handles, so that copying or dropping them counts references.
    pub fn has_handles(&self) -> bool {
        !self.handles.is_empty()
    }

    /// Whether a value of this type is itself a handle.
    pub fn is_handle(&self) -> bool {
        matches!(
            self.kind,
            Kind::Str
                | Kind::List(_)
                | Kind::Dict(..)
                | Kind::Tensor(_)
                | Kind::PyObject
                | Kind::Error
                | Kind::Space
        )
    }

    /// Whether this is a float type (`f16 bf16 f32 f64`).
    pub fn is_float(&self) -> bool {
        matches!(self.kind, Kind::F16 | Kind::BF16 | Kind::F32 | Kind::F64)
    }

    /// Whether this is an integer type (not `bool`).
    pub fn is_integer(&self) -> bool {
        matches!(
            self.kind,
            Kind::I8
                | Kind::I16
                | Kind::I32
                | Kind::I64
                | Kind::U8
                | Kind::U16
                | Kind::U32
                | Kind::U64
        )
    }

    /// The language's name of a scalar type (`f32`, `bool`), for messages and tensor text.
    pub fn scalar_name(&self) -> &'static str {
        match self.kind {
            Kind::Bool => "bool",
            Kind::I8 => "i8",
            Kind::I16 => "i16",
            Kind::I32 => "i32",
            Kind::I64 => "i64",
            Kind::U8 => "u8",
            Kind::U16 => "u16",
            Kind::U32 => "u32",
            Kind::U64 => "u64",
            Kind::F16 => "f16",
            Kind::BF16 => "bf16",
            Kind::F32 => "f32",
            Kind::F64 => "f64",
            _ => "?",
        }
    }
}

/// C layout of fields in order.
fn aggregate<'a>(fields: impl Iterator<Item = &'a TypeDesc>) -> (Layout, Vec<usize>, Vec<usize>) {
    let mut offset = 0;
    let mut align = 1;
    let mut offsets = Vec::new();
    let mut handles = Vec::new();
    for field in fields {
        offset = align_up(offset, field.layout.align);
        offsets.push(offset);
        handles.extend(field.handles.iter().map(|inner| offset + inner));
        offset += field.layout.size;
        align = align.max(field.layout.align);
    }
    (Layout { size: align_up(offset, align), align }, offsets, handles)
}

/// The canonical descriptor text (what [`TypeDesc::parse`] reads back).
impl fmt::Display for TypeDesc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Bool => f.write_str("b"),
            Kind::Str => f.write_str("s"),
            Kind::PyObject => f.write_str("P"),
            Kind::Error => f.write_str("E"),
            Kind::Space => f.write_str("X"),
            Kind::List(element) => write!(f, "L[{element}]"),
            Kind::Dict(key, value) => write!(f, "D[{key},{value}]"),
            Kind::Tensor(element) => write!(f, "T[{element}]"),
            Kind::Tuple(elements) => {
                f.write_str("(")?;
                for (i, element) in elements.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{element}")?;
                }
                f.write_str(")")
            }
            Kind::Struct { name, fields } => {
                write!(f, "S[{name}|")?;
                for (i, (field, desc)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{field}:{desc}")?;
                }
                f.write_str("]")
            }
            _ => f.write_str(self.scalar_name()),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    position: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> DescError {
        DescError {
            text: self.text.to_string(),
            position: self.position,
            message: message.to_string(),
        }
    }

    fn rest(&self) -> &str {
        &self.text[self.position..]
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.position += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<(), DescError> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(&format!("expected `{token}`")))
        }
    }

    fn desc(&mut self) -> Result<TypeDesc, DescError> {
        // Longest names first: `bf16` before `b`.
        const SCALARS: &[(&str, Kind)] = &[
            ("bf16", Kind::BF16),
            ("b", Kind::Bool),
            ("i8", Kind::I8),
            ("i16", Kind::I16),
            ("i32", Kind::I32),
            ("i64", Kind::I64),
            ("u8", Kind::U8),
            ("u16", Kind::U16),
            ("u32", Kind::U32),
            ("u64", Kind::U64),
            ("f16", Kind::F16),
            ("f32", Kind::F32),
            ("f64", Kind::F64),
            ("s", Kind::Str),
            ("P", Kind::PyObject),
            ("E", Kind::Error),
            ("X", Kind::Space),
        ];
        if self.eat("L[") {
            let element = self.desc()?;
            self.expect("]")?;
            return Ok(TypeDesc::new(Kind::List(Box::new(element))));
        }
        if self.eat("D[") {
            let key = self.desc()?;
            self.expect(",")?;
            let value = self.desc()?;
            self.expect("]")?;
            return Ok(TypeDesc::new(Kind::Dict(Box::new(key), Box::new(value))));
        }
        if self.eat("T[") {
            let element = self.desc()?;
            self.expect("]")?;
            return Ok(TypeDesc::new(Kind::Tensor(Box::new(element))));
        }
        if self.eat("S[") {
            return self.struct_rest();
        }
        if self.eat("(") {
            let mut elements = Vec::new();
            if !self.eat(")") {
                loop {
                    elements.push(self.desc()?);
                    if self.eat(")") {
                        break;
                    }
                    self.expect(",")?;
                }
            }
            return Ok(TypeDesc::new(Kind::Tuple(elements)));
        }
        for (name, kind) in SCALARS {
            if self.eat(name) {
                return Ok(TypeDesc::new(kind.clone()));
            }
        }
        Err(self.error("expected a type descriptor"))
    }

    /// After `S[`: `name|field:desc,...]`.
    fn struct_rest(&mut self) -> Result<TypeDesc, DescError> {
        let Some(bar) = self.rest().find('|') else {
            return Err(self.error("expected `|` after the struct name"));
        };
        let name = self.rest()[..bar].to_string();
        if name.is_empty() {
            return Err(self.error("expected a struct name"));
        }
        self.position += bar + 1;
        let mut fields = Vec::new();
        if !self.eat("]") {
            loop {
                let rest = self.rest();
                let length =
                    rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
                if length == 0 {
                    return Err(self.error("expected a field name"));
                }
                let field = rest[..length].to_string();
                self.position += length;
                self.expect(":")?;
                fields.push((field, self.desc()?));
                if self.eat("]") {
                    break;
                }
                self.expect(",")?;
            }
        }
        Ok(TypeDesc::new(Kind::Struct { name, fields }))
    }
}

/// Every descriptor parsed so far, by text. Leaked on purpose: descriptors live as long as
/// the program, objects keep `&'static` references to theirs, and there are few.
type Interned = HashMap<&'static str, &'static TypeDesc>;
static INTERNED: Mutex<Option<Interned>> = Mutex::new(None);

/// The one `'static` descriptor for `text` and its `'static` text, parsed on first use.
fn intern_entry(text: &str) -> Result<(&'static str, &'static TypeDesc), DescError> {
    let mut interned = INTERNED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let map = interned.get_or_insert_with(HashMap::new);
    if let Some((&key, &desc)) = map.get_key_value(text) {
        return Ok((key, desc));
    }
    let desc: &'static TypeDesc = Box::leak(Box::new(TypeDesc::parse(text)?));
    let key: &'static str = Box::leak(text.to_string().into_boxed_str());
    map.insert(key, desc);
    Ok((key, desc))
}

/// The one `'static` descriptor for `text`, parsed on first use.
pub fn intern(text: &str) -> Result<&'static TypeDesc, DescError> {
    intern_entry(text).map(|(_, desc)| desc)
}

/// The `'static` descriptor equal to `desc` (for descriptors built by the runtime, such as
/// the `(K, V)` element of `dict.items`).
pub fn intern_desc(desc: &TypeDesc) -> &'static TypeDesc {
    match intern(&desc.to_string()) {
        Ok(interned) => interned,
        Err(error) => crate::panic::internal(&error.to_string()),
    }
}

/// The interned descriptor of a constant text the runtime itself uses (`"s"`, `"i64"`),
/// looked up once per call site.
#[macro_export]
#[doc(hidden)]
macro_rules! static_desc {
    ($text:literal) => {{
        static DESC: std::sync::OnceLock<&'static $crate::desc::TypeDesc> =
            std::sync::OnceLock::new();
        *DESC.get_or_init(|| {
            $crate::desc::intern($text)
                .unwrap_or_else(|error| $crate::panic::internal(&error.to_string()))
        })
    }};
}

const CACHE_SLOTS: usize = 64;

type CacheEntry = (usize, Option<(&'static str, &'static TypeDesc)>);

thread_local! {
    /// A direct-mapped cache from descriptor addresses to parsed descriptors, so that the
    /// descriptor of a hot call costs a comparison of its text rather than a lookup.
    static CACHE: RefCell<[CacheEntry; CACHE_SLOTS]> =
        const { RefCell::new([(0, None); CACHE_SLOTS]) };
}

/// The parsed descriptor behind a NUL-terminated descriptor string passed by generated
/// code. An invalid descriptor is a compiler bug: the runtime panics with an internal error.
///
/// # Safety
///
/// `text` points to a NUL-terminated string.
pub unsafe fn from_cstr(text: *const c_char) -> &'static TypeDesc {
    if text.is_null() {
        crate::panic::internal("null type descriptor");
    }
    // SAFETY: the caller passes a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(text) }.to_bytes();
    let address = text as usize;
    let slot = (address >> 3) % CACHE_SLOTS;
    let cached = CACHE.with(|cache| match cache.borrow()[slot] {
        (key, Some((known, desc))) if key == address && known.as_bytes() == bytes => Some(desc),
        _ => None,
    });
    if let Some(desc) = cached {
        return desc;
    }
    let text = String::from_utf8_lossy(bytes);
    let (known, desc) = match intern_entry(&text) {
        Ok(entry) => entry,
        Err(error) => crate::panic::internal(&error.to_string()),
    };
    CACHE.with(|cache| cache.borrow_mut()[slot] = (address, Some((known, desc))));
    desc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> (usize, usize) {
        let desc = TypeDesc::parse(text).unwrap();
        (desc.layout().size, desc.layout().align)
    }

    #[test]
    fn scalar_layouts() {
        assert_eq!(layout("b"), (1, 1));
        assert_eq!(layout("i8"), (1, 1));
        assert_eq!(layout("u16"), (2, 2));
        assert_eq!(layout("f16"), (2, 2));
        assert_eq!(layout("bf16"), (2, 2));
        assert_eq!(layout("i32"), (4, 4));
        assert_eq!(layout("f32"), (4, 4));
        assert_eq!(layout("u64"), (8, 8));
        assert_eq!(layout("f64"), (8, 8));
        for handle in ["s", "L[i64]", "D[s,f64]", "T[f32]", "P", "E", "X"] {
            assert_eq!(layout(handle), (8, 8), "{handle}");
        }
    }

    #[test]
    fn aggregate_layouts_follow_c() {
        assert_eq!(layout("()"), (0, 1));
        assert_eq!(layout("(b)"), (1, 1));
        assert_eq!(layout("(b,i64)"), (16, 8));
        assert_eq!(layout("(i64,b)"), (16, 8));
        assert_eq!(layout("(b,i16,b)"), (6, 2));
        assert_eq!(layout("(f16,f32,b)"), (12, 4));
        assert_eq!(layout("(b,(b,i32))"), (12, 4));
        assert_eq!(layout("S[Vec3|x:f64,y:f64,z:f64]"), (24, 8));
        assert_eq!(layout("S[Empty|]"), (0, 1));
        let desc = TypeDesc::parse("(b,s,(i8,L[i64]),i32)").unwrap();
        assert_eq!(desc.field_offsets(), &[0, 8, 16, 32]);
        assert_eq!(desc.handle_offsets(), &[8, 24]);
        assert_eq!(desc.layout(), Layout { size: 40, align: 8 });
    }

    #[test]
    fn parses_and_prints_back() {
        for text in [
            "D[s,L[(i64,S[Vec3|x:f64,y:f64,z:f64])]]",
            "S[Pair[i64]|first:i64,second:i64]",
            "T[bf16]",
            "(i64,(),(s,b))",
            "L[L[L[u8]]]",
            "S[Named|name:s,score:f64]",
        ] {
            let desc = TypeDesc::parse(text).unwrap();
            assert_eq!(desc.to_string(), text);
        }
        let desc = TypeDesc::parse("S[Pair[i64]|first:i64,second:i64]").unwrap();
        match desc.kind() {
            Kind::Struct { name, fields } => {
                assert_eq!(name, "Pair[i64]");
                assert_eq!(fields.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_malformed_descriptors() {
        for text in ["", "L[i64", "q", "(i64,", "S[|x:i64]", "S[A|x]", "i64i64", "D[s]"] {
            assert!(TypeDesc::parse(text).is_err(), "{text}");
        }
        let error = TypeDesc::parse("L[x]").unwrap_err();
        assert_eq!(error.position, 2);
    }

    #[test]
    fn cache_checks_the_text_behind_an_address() {
        let mut buffer = *b"L[i64]\0";
        // SAFETY: NUL-terminated.
        let first = unsafe { from_cstr(buffer.as_ptr().cast()) };
        // SAFETY: NUL-terminated.
        assert!(std::ptr::eq(first, unsafe { from_cstr(buffer.as_ptr().cast()) }));
        buffer[2] = b'f';
        // SAFETY: NUL-terminated; same address, other text.
        let second = unsafe { from_cstr(buffer.as_ptr().cast()) };
        assert_eq!(second.to_string(), "L[f64]");
    }
}

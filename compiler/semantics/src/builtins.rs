//! Built-in functions (`print`, `len`, `range`, `sum`...) and the methods of the built-in types
//! (`List`, `Dict`, `str`, `Tensor`), described as data the call checker reads.

use crate::ty::Ty;

/// A function that is always in scope, without an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltinFunction {
    Print,
    Len,
    Range,
    Enumerate,
    Zip,
    Abs,
    Min,
    Max,
    /// `sum(xs)`, `sum(xs, start)`: adds up the numbers of a `List`, an iterator or a tensor.
    Sum,
    Argv,
    /// `Error("message")`: makes a value of the built-in `Error` type.
    Error,
}

impl BuiltinFunction {
    pub const ALL: [BuiltinFunction; 11] = [
        BuiltinFunction::Print,
        BuiltinFunction::Len,
        BuiltinFunction::Range,
        BuiltinFunction::Enumerate,
        BuiltinFunction::Zip,
        BuiltinFunction::Abs,
        BuiltinFunction::Min,
        BuiltinFunction::Max,
        BuiltinFunction::Sum,
        BuiltinFunction::Argv,
        BuiltinFunction::Error,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BuiltinFunction::Print => "print",
            BuiltinFunction::Len => "len",
            BuiltinFunction::Range => "range",
            BuiltinFunction::Enumerate => "enumerate",
            BuiltinFunction::Zip => "zip",
            BuiltinFunction::Abs => "abs",
            BuiltinFunction::Min => "min",
            BuiltinFunction::Max => "max",
            BuiltinFunction::Sum => "sum",
            BuiltinFunction::Argv => "argv",
            BuiltinFunction::Error => "Error",
        }
    }

    /// What the built-in takes, for hints: "`len` takes one argument: `len(x)`".
    pub fn takes(self) -> &'static str {
        match self {
            BuiltinFunction::Print => {
                "the values to print, then `sep=` and `end=`: `print(a, b, sep=\", \", end=\"\\n\")`"
            }
            BuiltinFunction::Len => "one argument: `len(x)`",
            BuiltinFunction::Range => {
                "one to three integers: `range(stop)`, `range(start, stop)` or `range(start, stop, step)`"
            }
            BuiltinFunction::Enumerate => {
                "an iterable and an optional start: `enumerate(xs)` or `enumerate(xs, start=1)`"
            }
            BuiltinFunction::Zip => "one or more iterables: `zip(a, b, ...)`",
            BuiltinFunction::Abs => "one argument: `abs(x)`",
            BuiltinFunction::Min => "a list, or two or more values: `min(xs)` or `min(a, b, ...)`",
            BuiltinFunction::Max => "a list, or two or more values: `max(xs)` or `max(a, b, ...)`",
            BuiltinFunction::Sum => "an iterable and an optional start: `sum(xs)` or `sum(xs, start)`",
            BuiltinFunction::Argv => "no arguments: `argv()`",
            BuiltinFunction::Error => "one argument, the message: `Error(\"...\")`",
        }
    }

    pub fn from_name(name: &str) -> Option<BuiltinFunction> {
        BuiltinFunction::ALL.into_iter().find(|builtin| builtin.name() == name)
    }
}

/// Names in scope everywhere that are types used as casts or constructors.
pub const CAST_NAMES: &[&str] = &[
    "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f16", "bf16", "f32", "f64", "bool",
    "str", "PyObject",
];

/// Python names and what to write instead.
pub fn python_spelling(name: &str) -> Option<&'static str> {
    Some(match name {
        "int" => "i64(x) (casts are named after the type)",
        "float" => "f64(x) (casts are named after the type)",
        "true" => "True",
        "false" => "False",
        "null" | "nil" | "none" => "None",
        "list" => "List[T]() or a list literal `[...]`",
        "dict" => "Dict[K, V]() or a dict literal `{...}`",
        "self" => "a method's first parameter `self`",
        _ => return None,
    })
}

/// Method names from other languages and what to write instead (already quoted).
pub fn foreign_method(receiver: &Ty, name: &str) -> Option<&'static str> {
    Some(match (receiver, name) {
        (Ty::List(_), "push" | "add" | "push_back") => "`append`",
        (Ty::List(_) | Ty::Str | Ty::Dict(..), "length" | "size" | "len") => "`len(...)`",
        (Ty::Str, "trim") => "`strip`",
        (Ty::Str, "to_upper" | "toUpperCase") => "`upper`",
        (Ty::Str, "to_lower" | "toLowerCase") => "`lower`",
        (Ty::Str, "contains") => "`in`: `sub in s`",
        (Ty::Dict(..), "contains" | "has_key" | "contains_key") => "`in`: `key in d`",
        (Ty::Tensor(_), "dim" | "ndimension") => "`ndim`",
        _ => return None,
    })
}

/// One parameter of a built-in method.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BuiltinParam {
    pub name: &'static str,
    pub ty: Ty,
    pub has_default: bool,
}

/// A method of a built-in type, for a given receiver type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BuiltinMethod {
    pub name: &'static str,
    pub params: Vec<BuiltinParam>,
    pub return_ty: Ty,
    /// Allocates (a new list, string or tensor): not allowed inside `@kernel`s.
    pub allocates: bool,
    /// Runs only on the host (reductions over a whole tensor, printing...).
    pub host_only: bool,
    /// Needs the element type to be comparable (`sort`).
    pub needs_comparable: bool,
}

fn param(name: &'static str, ty: Ty) -> BuiltinParam {
    BuiltinParam { name, ty, has_default: false }
}

fn optional(name: &'static str, ty: Ty) -> BuiltinParam {
    BuiltinParam { name, ty, has_default: true }
}

fn method(name: &'static str, params: Vec<BuiltinParam>, return_ty: Ty) -> BuiltinMethod {
    BuiltinMethod {
        name,
        params,
        return_ty,
        allocates: false,
        host_only: false,
        needs_comparable: false,
    }
}

fn allocating(name: &'static str, params: Vec<BuiltinParam>, return_ty: Ty) -> BuiltinMethod {
    BuiltinMethod { allocates: true, ..method(name, params, return_ty) }
}

/// The names of the methods of a receiver type, for "did you mean" and listings.
pub fn method_names(receiver: &Ty) -> &'static [&'static str] {
    match receiver {
        Ty::List(_) => &[
            "append", "pop", "insert", "extend", "clear", "copy", "reverse", "sort", "index",
            "count",
        ],
        Ty::Str => &[
            "split",
            "strip",
            "lstrip",
            "rstrip",
            "join",
            "startswith",
            "endswith",
            "find",
            "replace",
            "upper",
            "lower",
            "isdigit",
        ],
        Ty::Dict(..) => &["get", "keys", "values", "items", "pop", "clear", "copy"],
        Ty::Tensor(_) => {
            &["size", "numel", "sum", "max", "min", "mean", "reshape", "to_gpu", "to_cpu", "copy"]
        }
        _ => &[],
    }
}

/// The method `name` of a built-in receiver type.
pub fn builtin_method(receiver: &Ty, name: &str) -> Option<BuiltinMethod> {
    match receiver {
        Ty::List(element) => list_method(element, name),
        Ty::Str => str_method(name),
        Ty::Dict(key, value) => dict_method(key, value, name),
        Ty::Tensor(element) => tensor_method(element, name),
        _ => None,
    }
}

fn list_method(element: &Ty, name: &str) -> Option<BuiltinMethod> {
    let element = element.clone();
    let list = Ty::list(element.clone());
    Some(match name {
        "append" => method("append", vec![param("value", element)], Ty::None),
        "pop" => method("pop", vec![optional("index", Ty::I64)], element),
        "insert" => {
            method("insert", vec![param("index", Ty::I64), param("value", element)], Ty::None)
        }
        "extend" => method("extend", vec![param("values", list)], Ty::None),
        "clear" => method("clear", vec![], Ty::None),
        "copy" => allocating("copy", vec![], list),
        "reverse" => method("reverse", vec![], Ty::None),
        "sort" => BuiltinMethod { needs_comparable: true, ..method("sort", vec![], Ty::None) },
        "index" => method("index", vec![param("value", element)], Ty::I64),
        "count" => method("count", vec![param("value", element)], Ty::I64),
        _ => return None,
    })
}

fn str_method(name: &str) -> Option<BuiltinMethod> {
    let strings = Ty::list(Ty::Str);
    Some(match name {
        "split" => allocating("split", vec![optional("sep", Ty::Str)], strings),
        "strip" => allocating("strip", vec![optional("chars", Ty::Str)], Ty::Str),
        "lstrip" => allocating("lstrip", vec![optional("chars", Ty::Str)], Ty::Str),
        "rstrip" => allocating("rstrip", vec![optional("chars", Ty::Str)], Ty::Str),
        "join" => allocating("join", vec![param("items", strings)], Ty::Str),
        "startswith" => method("startswith", vec![param("prefix", Ty::Str)], Ty::Bool),
        "endswith" => method("endswith", vec![param("suffix", Ty::Str)], Ty::Bool),
        "find" => method("find", vec![param("sub", Ty::Str)], Ty::I64),
        "replace" => {
            allocating("replace", vec![param("old", Ty::Str), param("new", Ty::Str)], Ty::Str)
        }
        "upper" => allocating("upper", vec![], Ty::Str),
        "lower" => allocating("lower", vec![], Ty::Str),
        "isdigit" => method("isdigit", vec![], Ty::Bool),
        _ => return None,
    })
}

fn dict_method(key: &Ty, value: &Ty, name: &str) -> Option<BuiltinMethod> {
    let (key, value) = (key.clone(), value.clone());
    Some(match name {
        "get" => method("get", vec![param("key", key), param("default", value.clone())], value),
        "keys" => allocating("keys", vec![], Ty::list(key)),
        "values" => allocating("values", vec![], Ty::list(value)),
        "items" => allocating("items", vec![], Ty::list(Ty::Tuple(vec![key, value]))),
        "pop" => method("pop", vec![param("key", key), optional("default", value.clone())], value),
        "clear" => method("clear", vec![], Ty::None),
        "copy" => allocating("copy", vec![], Ty::dict(key, value)),
        _ => return None,
    })
}

fn tensor_method(element: &Ty, name: &str) -> Option<BuiltinMethod> {
    let tensor = Ty::tensor(element.clone());
    let reduction = |name: &'static str| BuiltinMethod {
        host_only: true,
        ..method(name, vec![], element.clone())
    };
    Some(match name {
        "size" => method("size", vec![param("dim", Ty::I64)], Ty::I64),
        "numel" => method("numel", vec![], Ty::I64),
        "sum" => reduction("sum"),
        "max" => reduction("max"),
        "min" => reduction("min"),
        "mean" => reduction("mean"),
        "reshape" => allocating("reshape", vec![param("shape", Ty::list(Ty::I64))], tensor),
        "to_gpu" => allocating("to_gpu", vec![], tensor),
        "to_cpu" => allocating("to_cpu", vec![], tensor),
        "copy" => allocating("copy", vec![], tensor),
        _ => return None,
    })
}

/// Read-only properties of built-in types: `t.shape`, `t.ndim`, `e.message`.
pub fn builtin_property(receiver: &Ty, name: &str) -> Option<(Ty, bool)> {
    match (receiver, name) {
        (Ty::Tensor(_), "shape") => Some((Ty::list(Ty::I64), true)),
        (Ty::Tensor(_), "ndim") => Some((Ty::I64, false)),
        (Ty::Exception, "message") => Some((Ty::Str, true)),
        _ => None,
    }
}

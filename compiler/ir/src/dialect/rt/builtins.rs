//! The built-ins `rt.builtin` calls by name, with their signatures: the methods of `str`,
//! `List`, `Dict` and `Tensor` beyond what `mem` and `tensor` ops do, the operators on them
//! that are runtime calls (`str.eq`, `list.concat`), slicing, and the `time` and `math`
//! functions without an op. A signature may depend on the first operand (a `!list<T>` binds
//! `T`), on the result (`tensor.cast`), or on the number of operands (the `*.slice` built-ins,
//! whose `slice` attribute says what the `i64` operands after the sliced value are: see
//! `slice_operands`). Adding a built-in is adding a line here.

use crate::dialect::checks::same_types;
use crate::types::Type;

/// Every name `rt.builtin` knows.
pub const BUILTIN_NAMES: &[&str] = &[
    "str.len",
    "str.getitem",
    "str.contains",
    "str.eq",
    "str.compare",
    "str.split",
    "str.strip",
    "str.lstrip",
    "str.rstrip",
    "str.join",
    "str.startswith",
    "str.endswith",
    "str.find",
    "str.replace",
    "str.upper",
    "str.lower",
    "str.isdigit",
    "str.to_i64",
    "str.to_f64",
    "list.pop",
    "list.insert",
    "list.extend",
    "list.clear",
    "list.copy",
    "list.reverse",
    "list.sort",
    "list.index",
    "list.count",
    "list.contains",
    "list.concat",
    "list.eq",
    "list.compare",
    "dict.get",
    "dict.keys",
    "dict.values",
    "dict.items",
    "dict.pop",
    "dict.clear",
    "dict.copy",
    "dict.eq",
    "tensor.slice",
    "tensor.cast",
    "time.perf_counter",
    "time.time",
    "time.sleep",
    "math.erf",
];

/// Operand and result types of a built-in; the last `optional` operands may be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct BuiltinSignature {
    pub operands: Vec<Type>,
    pub optional: usize,
    pub results: Vec<Type>,
}

impl BuiltinSignature {
    pub fn accepts(&self, operands: &[&Type], results: &[&Type]) -> bool {
        let required = self.operands.len() - self.optional;
        operands.len() >= required
            && same_types(operands, &self.operands[..operands.len().min(self.operands.len())])
            && same_types(results, &self.results)
    }

    /// `(!str, [!str]) -> !list<!str>`: optional operands in brackets.
    pub fn describe(&self) -> String {
        let required = self.operands.len() - self.optional;
        let operands: Vec<String> = self
            .operands
            .iter()
            .enumerate()
            .map(|(i, t)| if i < required { t.to_string() } else { format!("[{t}]") })
            .collect();
        let results = Type::function(Vec::new(), self.results.clone()).to_string();
        // `() -> T`: keep the part after the arrow.
        format!("({}){}", operands.join(", "), &results[2..])
    }
}

fn signature(operands: Vec<Type>, results: Vec<Type>) -> BuiltinSignature {
    BuiltinSignature { operands, optional: 0, results }
}

fn with_optional(operands: Vec<Type>, results: Vec<Type>) -> BuiltinSignature {
    BuiltinSignature { operands, optional: 1, results }
}

fn list(element: Type) -> Type {
    Type::List(Box::new(element))
}

/// The signature of built-in `name`, given the types it is called with (the first operand
/// binds the element types of a receiver; `tensor.cast`'s result picks its target).
pub fn builtin_signature(
    name: &str,
    operands: &[&Type],
    results: &[&Type],
) -> Result<BuiltinSignature, String> {
    let unknown = || format!("unknown built-in `{name}`");
    let (family, method) = name.split_once('.').ok_or_else(unknown)?;
    let receiver = |expected: &str| {
        let found = operands.first().map_or("no operands".to_string(), |t| t.to_string());
        format!("`{name}` takes a {expected} first operand, found {found}")
    };
    let found = match family {
        "str" | "list" | "tensor" if method == "slice" => {
            let sliced = match (family, operands.first()) {
                (_, Some(sliced @ Type::Str)) if family == "str" => sliced,
                (_, Some(sliced @ Type::List(_))) if family == "list" => sliced,
                (_, Some(sliced @ Type::Tensor(_))) if family == "tensor" => sliced,
                _ => return Err(receiver(&format!("!{family}"))),
            };
            let mut takes = vec![(*sliced).clone()];
            takes.resize(operands.len(), Type::I64);
            Some(signature(takes, vec![(*sliced).clone()]))
        }
        "str" => str_builtin(method),
        "list" => match operands.first() {
            Some(Type::List(element)) => list_builtin(method, element),
            _ if BUILTIN_NAMES.contains(&name) => return Err(receiver("!list<T>")),
            _ => None,
        },
        "dict" => match operands.first() {
            Some(Type::Dict(key, value)) => dict_builtin(method, key, value),
            _ if BUILTIN_NAMES.contains(&name) => return Err(receiver("!dict<K, V>")),
            _ => None,
        },
        "tensor" => match operands.first() {
            Some(tensor @ Type::Tensor(_)) => tensor_builtin(method, tensor, results),
            _ if BUILTIN_NAMES.contains(&name) => return Err(receiver("!tensor<T>")),
            _ => None,
        },
        "time" => time_builtin(method),
        "math" => match operands.first() {
            Some(float @ Type::Float(_)) if method == "erf" => {
                Some(signature(vec![(*float).clone()], vec![(*float).clone()]))
            }
            _ if BUILTIN_NAMES.contains(&name) => return Err(receiver("float")),
            _ => None,
        },
        _ => None,
    };
    found.ok_or_else(unknown)
}

fn str_builtin(method: &str) -> Option<BuiltinSignature> {
    let s = || Type::Str;
    Some(match method {
        "len" => signature(vec![s()], vec![Type::I64]),
        // `compare`: negative, zero or positive as the first sorts before, with or after the
        // second.
        "find" | "compare" => signature(vec![s(), s()], vec![Type::I64]),
        "getitem" => signature(vec![s(), Type::I64], vec![s()]),
        "repeat" => signature(vec![s(), Type::I64], vec![s()]),
        // `contains`: whether the second operand occurs in the first (`sub in s`).
        "contains" | "eq" | "startswith" | "endswith" => signature(vec![s(), s()], vec![Type::I1]),
        "split" => with_optional(vec![s(), s()], vec![list(s())]),
        "strip" | "lstrip" | "rstrip" => with_optional(vec![s(), s()], vec![s()]),
        "join" => signature(vec![s(), list(s())], vec![s()]),
        "replace" => signature(vec![s(), s(), s()], vec![s()]),
        "upper" | "lower" => signature(vec![s()], vec![s()]),
        "isdigit" => signature(vec![s()], vec![Type::I1]),
        // Casts from text (`i64(s)`); invalid text raises.
        "to_i64" => signature(vec![s()], vec![Type::I64]),
        "to_f64" => signature(vec![s()], vec![Type::F64]),
        _ => return None,
    })
}

fn list_builtin(method: &str, element: &Type) -> Option<BuiltinSignature> {
    let l = || list(element.clone());
    let t = || element.clone();
    Some(match method {
        "pop" => with_optional(vec![l(), Type::I64], vec![t()]),
        "insert" => signature(vec![l(), Type::I64, t()], vec![]),
        "extend" => signature(vec![l(), l()], vec![]),
        "clear" | "reverse" | "sort" => signature(vec![l()], vec![]),
        "copy" => signature(vec![l()], vec![l()]),
        "index" | "count" => signature(vec![l(), t()], vec![Type::I64]),
        "contains" => signature(vec![l(), t()], vec![Type::I1]),
        "concat" => signature(vec![l(), l()], vec![l()]),
        "repeat" => signature(vec![l(), Type::I64], vec![l()]),
        // `min(xs)`, `max(xs)`: an empty list raises.
        "min" | "max" => signature(vec![l()], vec![t()]),
        "eq" => signature(vec![l(), l()], vec![Type::I1]),
        "compare" => signature(vec![l(), l()], vec![Type::I64]),
        _ => return None,
    })
}

fn dict_builtin(method: &str, key: &Type, value: &Type) -> Option<BuiltinSignature> {
    let d = || Type::Dict(Box::new(key.clone()), Box::new(value.clone()));
    let (k, v) = (|| key.clone(), || value.clone());
    Some(match method {
        "get" => signature(vec![d(), k(), v()], vec![v()]),
        "keys" => signature(vec![d()], vec![list(k())]),
        "values" => signature(vec![d()], vec![list(v())]),
        "items" => signature(vec![d()], vec![list(Type::Tuple(vec![k(), v()]))]),
        "pop" => with_optional(vec![d(), k(), v()], vec![v()]),
        "clear" => signature(vec![d()], vec![]),
        "copy" => signature(vec![d()], vec![d()]),
        "eq" => signature(vec![d(), d()], vec![Type::I1]),
        _ => return None,
    })
}

fn tensor_builtin(method: &str, tensor: &Type, results: &[&Type]) -> Option<BuiltinSignature> {
    Some(match method {
        // `t.narrow(dim, start, stop)`: a view of `start..stop` along `dim`.
        "slice" => {
            signature(vec![tensor.clone(), Type::I64, Type::I64, Type::I64], vec![tensor.clone()])
        }
        // `Tensor[U](t)`: a copy converted to the result's element type.
        "cast" => {
            let target = match results {
                [target @ Type::Tensor(_)] => (*target).clone(),
                _ => Type::Tensor(Box::new(Type::F64)),
            };
            signature(vec![tensor.clone()], vec![target])
        }
        _ => return None,
    })
}

/// The number of `i64` operands after the sliced value that a `slice` layout describes: one
/// per `"i"` (an index), and for a slice `"s"` followed by three `0`/`1` flags, one per part
/// present (start, stop, step): `["i", "s101"]` takes three. `None` for a malformed layout.
pub fn slice_operands(layout: &[crate::attribute::Attribute]) -> Option<usize> {
    layout.iter().try_fold(0, |count, entry| match entry {
        crate::attribute::Attribute::String(code) if code == "i" => Some(count + 1),
        crate::attribute::Attribute::String(code)
            if code.len() == 4
                && code.starts_with('s')
                && code[1..].chars().all(|c| c == '0' || c == '1') =>
        {
            Some(count + code[1..].matches('1').count())
        }
        _ => None,
    })
}

fn time_builtin(method: &str) -> Option<BuiltinSignature> {
    Some(match method {
        "perf_counter" | "time" => signature(vec![], vec![Type::F64]),
        "sleep" => signature(vec![Type::F64], vec![]),
        _ => return None,
    })
}

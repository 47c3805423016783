//! The registry of diagnostic codes.
//!
//! A code is stable forever once released: tools and users search for it. Each one has a
//! short name (used in tests and in the JSON form) and an explanation (`mlc explain E0201`).
//! Ranges: E00xx lexing and parsing, E01xx names and items, E02xx types, E03xx `@kernel`
//! rules, E04xx program shape (entry point), E05xx control flow and places.

use serde::{Serialize, Serializer};
use std::fmt;

/// A stable diagnostic code such as `E0201`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub &'static str);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// What the registry knows about one code.
pub struct CodeInfo {
    pub code: Code,
    pub title: &'static str,
    pub explanation: &'static str,
}

macro_rules! codes {
    ($($name:ident = $code:literal: $title:literal, $explanation:literal;)*) => {
        $(pub const $name: Code = Code($code);)*
        /// Every code, in order.
        pub const ALL: &[CodeInfo] = &[
            $(CodeInfo { code: $name, title: $title, explanation: $explanation },)*
        ];
    };
}

pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|info| info.code.0.eq_ignore_ascii_case(code))
}

codes! {
    // ---- E00xx: lexing and parsing -------------------------------------------------------
    UNEXPECTED_TOKEN = "E0001": "unexpected token",
        "The parser found a token that cannot start or continue the construct it was reading.";
    UNEXPECTED_CHARACTER = "E0002": "unexpected character",
        "A character that is not part of any token of the language, such as `$` or `?`.";
    UNTERMINATED_STRING = "E0003": "unterminated string literal",
        "A string literal must be closed by the same quote on the same line.";
    TAB_INDENTATION = "E0004": "tab used for indentation",
        "Blocks are indented with spaces only; a tab in indentation is ambiguous and rejected.";
    INCONSISTENT_DEDENT = "E0005": "dedent does not match any outer indentation level",
        "When a block ends, the next line must line up with one of the enclosing blocks.";
    UNEXPECTED_INDENT = "E0006": "unexpected indentation",
        "A line is indented more than the block it belongs to, without a `:` line opening a block.";
    INVALID_NUMBER = "E0007": "invalid number literal",
        "A number literal is malformed (e.g. `0x` without digits) or does not fit in 64 bits.";
    INVALID_ESCAPE = "E0008": "invalid escape sequence",
        "Strings accept the escapes `\\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\}` and `\\u{...}`.";
    INVALID_FSTRING = "E0009": "invalid f-string",
        "An f-string replacement field `{expr}` or `{expr:spec}` is malformed or unclosed.";
    UNCLOSED_DELIMITER = "E0010": "unclosed delimiter",
        "An opening `(`, `[` or `{` has no matching closing delimiter.";
    MISMATCHED_DELIMITER = "E0011": "mismatched closing delimiter",
        "A closing delimiter does not match the innermost open one.";
    UNEXPECTED_EOF = "E0012": "unexpected end of file",
        "The file ended in the middle of a construct.";
    INVALID_ASSIGNMENT_TARGET = "E0013": "invalid assignment target",
        "Only names, fields (`a.b`), indexing (`xs[i]`) and tuples of them can be assigned to.";
    STATEMENT_AT_TOP_LEVEL = "E0014": "statement outside a function",
        "A module holds declarations (`fn`, `struct`, `const`, imports); code goes in functions such as `main`.";
    KEYWORD_AS_NAME = "E0015": "keyword used as a name",
        "A reserved word such as `fn` or `let` cannot name a variable, function or field.";
    INVALID_DECORATOR = "E0016": "unknown decorator",
        "The only decorators are `@kernel` and `@inline`.";
    INVALID_PARAMETER = "E0017": "invalid parameter list",
        "Parameters are `name: Type` or `name: Type = default`; `self` or `mut self` only first in a method, and no required parameter after one with a default.";
    NESTING_TOO_DEEP = "E0018": "nesting too deep",
        "Blocks may nest 100 levels, and one statement's expressions 200 levels, where an operator counts one level and a bracket two (so brackets alone may nest 100 deep); deeper code is rejected so that no stage overflows its stack. Split it up.";
    MISSING_COLON = "E0019": "missing `:` before an indented block",
        "A line that opens a block (`if`, `elif`, `else`, `for`, `while`, `fn`, `struct`, `try`, `except`, `finally`) ends with `:`.";
    MISSING_BLOCK = "E0020": "expected an indented block",
        "A line ending in `:` opens a block: the next line must be indented more. Write `pass` for an empty block.";

    // ---- E01xx: names and items ----------------------------------------------------------
    UNKNOWN_NAME = "E0100": "unknown name",
        "A name is used that no `let`, `var`, parameter, item or import defines in scope.";
    UNKNOWN_MODULE = "E0101": "unknown module",
        "`import M` names a module of the standard library; Python modules come through `from python import M`.";
    UNKNOWN_IMPORT = "E0102": "name not found in module",
        "`from M import x` names something the module does not define.";
    DUPLICATE_DEFINITION = "E0103": "duplicate definition",
        "Two items, fields, parameters or imports of the same scope share a name.";
    UNKNOWN_TYPE = "E0104": "unknown type",
        "A type annotation names no built-in type, struct or generic parameter in scope.";
    UNKNOWN_FIELD = "E0105": "unknown field or attribute",
        "The value's type has no field or attribute of that name.";
    UNKNOWN_METHOD = "E0106": "unknown method",
        "The value's type has no method of that name.";
    UNKNOWN_BOUND = "E0107": "unknown generic bound",
        "Generic bounds are the traits `Numeric`, `Integer`, `Float`, `Comparable` and `Printable`.";
    WRONG_TYPE_ARGUMENT_COUNT = "E0108": "wrong number of type arguments",
        "A generic type or function received more or fewer type arguments than it declares.";
    NOT_A_VALUE = "E0109": "not a value",
        "A module or a type was used where a value is expected.";
    RECURSIVE_STRUCT = "E0110": "recursive struct has infinite size",
        "Structs are values: a struct cannot contain itself, directly or through other structs or tuples. Use a `List` to refer to others.";
    EXTERN_OUTSIDE_STDLIB = "E0111": "`extern` outside the standard library",
        "`extern` declarations give the signatures of built-in functions and exist only in `stdlib/`.";
    GENERIC_STRUCT = "E0112": "generic structs are not supported",
        "Structs take no type parameters; write the struct for the concrete field types, and use generic functions over it.";

    // ---- E02xx: types ----------------------------------------------------------------------
    MISMATCHED_TYPES = "E0200": "mismatched types",
        "A value's type differs from the type its context expects.";
    MIXED_NUMERIC_TYPES = "E0201": "no implicit conversion between numeric types",
        "Native numbers never convert silently: `i64 + f64` needs a cast such as `f64(n)`.";
    WRONG_ARGUMENT_COUNT = "E0202": "wrong number of arguments",
        "A call passes more or fewer positional arguments than the function takes.";
    UNKNOWN_KEYWORD_ARGUMENT = "E0203": "unknown keyword argument",
        "A call names a keyword argument that is not a parameter of the function.";
    DUPLICATE_ARGUMENT = "E0204": "argument given twice",
        "A parameter received a value both positionally and by keyword, or by two keywords.";
    MISSING_ARGUMENT = "E0205": "missing argument",
        "A parameter without a default value received no argument.";
    NOT_CALLABLE = "E0206": "value is not callable",
        "Only functions, methods, struct names, types (as casts or constructors) and PyObjects can be called.";
    NOT_INDEXABLE = "E0207": "value cannot be indexed",
        "Indexing works on `List`, `Dict`, `str`, tuples (with a literal index), `Tensor`, PyObject and structs with `__getitem__`.";
    UNSUPPORTED_OPERATOR = "E0208": "operator not supported for these types",
        "The operator is not defined for the operand types; structs define operators with methods such as `__add__`.";
    UNSATISFIED_BOUND = "E0209": "type does not satisfy the generic bound",
        "A generic parameter was instantiated with a type that lacks the bound's operations.";
    CANNOT_INFER = "E0210": "type cannot be inferred",
        "The type of a value is not determined by its uses; add an annotation or type arguments.";
    MISSING_RETURN = "E0211": "missing return value",
        "A function with a return type must return a value on every path.";
    ASSIGN_TO_IMMUTABLE = "E0212": "cannot assign to an immutable binding",
        "`let` binds once; declare with `var` to reassign or mutate the value.";
    MUT_SELF_ON_IMMUTABLE = "E0213": "`mut self` method called on an immutable value",
        "A method declared with `mut self` changes its receiver, which must be a `var` binding or a place inside one.";
    INVALID_CAST = "E0214": "invalid cast",
        "A cast converts between numeric types, bool, str and PyObject; this pair has no conversion.";
    PYOBJECT_NEEDS_CAST = "E0215": "PyObject needs an explicit cast",
        "A Python value becomes native only through a cast such as `i64(o)`, `f64(o)`, `str(o)` or `Tensor[f32](o)`.";
    NOT_ITERABLE = "E0216": "value is not iterable",
        "`for` iterates over `range(...)`, `List`, `Dict` keys, `str`, `enumerate(...)`, `zip(...)` and PyObjects.";
    PATTERN_MISMATCH = "E0217": "pattern does not match the value",
        "A tuple pattern must have as many names as the tuple has elements.";
    TUPLE_INDEX = "E0218": "invalid tuple index",
        "A tuple is indexed with an integer literal within its length.";
    CONDITION_NOT_BOOL = "E0219": "condition is not a bool",
        "`if`, `while`, `assert`, `and`, `or` and `not` take a `bool` (or a PyObject, whose truth Python decides).";
    VOID_VALUE = "E0220": "function returns nothing",
        "A call of a function without a return type has no value to use.";
    NOT_PRINTABLE = "E0221": "value cannot be printed or formatted",
        "Printing and `str()` work on numbers, bool, str, None, tuples, List, Dict, Tensor, PyObject and structs with `__str__`.";
    INVALID_FORMAT_SPEC = "E0222": "invalid format specification",
        "Format specs follow Python's mini-language: `[[fill]align][sign][width][,][.precision][type]`.";
    CONST_NOT_CONSTANT = "E0223": "constant value is not a compile-time constant",
        "A `const` is a literal, or arithmetic of literals and other constants.";
    DEFAULT_NOT_CONSTANT = "E0224": "default argument is not a constant",
        "Default argument values are literals or constants.";
    NOT_HASHABLE = "E0225": "type cannot be a Dict key",
        "Dict keys are integers, bool, str, or tuples of them.";
    LITERAL_OUT_OF_RANGE = "E0226": "integer literal out of range",
        "An integer literal must fit in the type it takes from its context (`let x: u8 = 300` does not); an unconstrained literal is an `i64`.";

    // ---- E03xx: @kernel rules ----------------------------------------------------------------
    PYTHON_IN_KERNEL = "E0300": "Python used inside a `@kernel`",
        "Kernels run on the GPU, where there is no Python interpreter.";
    ALLOCATION_IN_KERNEL = "E0301": "heap allocation inside a `@kernel`",
        "Kernels cannot allocate `List`, `Dict`, `str` or new tensors; use `shared_array[T](n)` for scratch memory.";
    INVALID_KERNEL_PARAMETER = "E0302": "invalid `@kernel` parameter type",
        "Kernel parameters are scalars (numbers and bool) or `Tensor[T]` of numbers.";
    KERNEL_RETURNS_VALUE = "E0303": "`@kernel` returns a value",
        "A kernel writes its results into tensors; it has no return type.";
    KERNEL_CALLED_DIRECTLY = "E0304": "`@kernel` called without a launch configuration",
        "Launch a kernel with `k[grid, block](args)`; `grid` and `block` are integers or tuples of up to 3 integers.";
    LAUNCH_NOT_KERNEL = "E0305": "launch configuration on a function that is not a `@kernel`",
        "Only `@kernel` functions are launched with `f[grid, block](args)`.";
    GPU_OUTSIDE_KERNEL = "E0306": "GPU intrinsic used outside a `@kernel`",
        "`thread_idx`, `block_idx`, `block_dim`, `grid_dim`, `barrier`, `shared_array` and `atomic_add` exist only inside kernels.";
    KERNEL_CALLS_HOST_FUNCTION = "E0307": "`@kernel` calls a function that cannot run on the GPU",
        "A kernel may call other functions whose bodies follow the kernel rules, `math` functions and GPU intrinsics.";

    // ---- E04xx: program shape ----------------------------------------------------------------
    MISSING_MAIN = "E0400": "no `main` function",
        "A program that is built or run starts at `fn main()`; a library checked alone needs none.";
    INVALID_MAIN_SIGNATURE = "E0401": "invalid `main` signature",
        "`main` takes no parameters and returns nothing (or `i64`, the exit code).";

    // ---- E05xx: control flow ----------------------------------------------------------------
    BREAK_OUTSIDE_LOOP = "E0500": "`break` or `continue` outside a loop",
        "`break` and `continue` are only valid inside `for` and `while` bodies.";
    RERAISE_OUTSIDE_EXCEPT = "E0504": "bare `raise` outside an `except` block",
        "`raise` without a value re-raises the error being handled, so it is only valid inside `except`.";
    UNREACHABLE_CODE = "W0502": "unreachable code",
        "Statements after `return`, `raise`, `break` or `continue` in the same block never run.";
}

//! The `arith` dialect: constants, integer and float arithmetic, comparisons, `select` and
//! casts. Binary ops take two operands and give one result, all of one type; comparisons
//! give `i1` and carry a string `predicate` attribute.
//!
//! Every op is `Pure`, but `addi`, `subi` and `muli` may carry `{checked = true}`: the back
//! end then panics on overflow in unoptimized builds, so such an op is not pure
//! (`dialect::is_pure` says so). Division by zero is checked by lowering before the op.

mod constructors;
mod verify;

pub use constructors::*;

use crate::dialect::OpDefinition;
use verify::*;

op!(
    CONSTANT,
    "arith.constant",
    "a constant: the `value` attribute, typed as the result",
    [Pure],
    verify_constant
);
op!(ADDI, "arith.addi", "integer addition, wrapping (or `checked`)", [Pure], verify_checked_binary);
op!(
    SUBI,
    "arith.subi",
    "integer subtraction, wrapping (or `checked`)",
    [Pure],
    verify_checked_binary
);
op!(
    MULI,
    "arith.muli",
    "integer multiplication, wrapping (or `checked`)",
    [Pure],
    verify_checked_binary
);
op!(
    DIVSI,
    "arith.divsi",
    "signed integer division, rounding toward zero",
    [Pure],
    verify_integer_binary
);
op!(
    REMSI,
    "arith.remsi",
    "signed remainder, with the sign of the dividend",
    [Pure],
    verify_integer_binary
);
op!(DIVUI, "arith.divui", "unsigned integer division", [Pure], verify_integer_binary);
op!(REMUI, "arith.remui", "unsigned integer remainder", [Pure], verify_integer_binary);
op!(
    FLOORDIVSI,
    "arith.floordivsi",
    "signed division rounding toward negative infinity (Python's `//`)",
    [Pure],
    verify_integer_binary
);
op!(
    FLOORREMSI,
    "arith.floorremsi",
    "signed remainder with the sign of the divisor (Python's `%`)",
    [Pure],
    verify_integer_binary
);
op!(ANDI, "arith.andi", "bitwise and (logical on i1)", [Pure], verify_integer_binary);
op!(ORI, "arith.ori", "bitwise or (logical on i1)", [Pure], verify_integer_binary);
op!(XORI, "arith.xori", "bitwise exclusive or (logical on i1)", [Pure], verify_integer_binary);
op!(SHLI, "arith.shli", "shift left", [Pure], verify_integer_binary);
op!(SHRSI, "arith.shrsi", "arithmetic shift right (sign-filling)", [Pure], verify_integer_binary);
op!(SHRUI, "arith.shrui", "logical shift right (zero-filling)", [Pure], verify_integer_binary);
op!(MAXSI, "arith.maxsi", "signed maximum", [Pure], verify_integer_binary);
op!(MINSI, "arith.minsi", "signed minimum", [Pure], verify_integer_binary);
op!(MAXUI, "arith.maxui", "unsigned maximum", [Pure], verify_integer_binary);
op!(MINUI, "arith.minui", "unsigned minimum", [Pure], verify_integer_binary);
op!(ADDF, "arith.addf", "float addition", [Pure], verify_float_binary);
op!(SUBF, "arith.subf", "float subtraction", [Pure], verify_float_binary);
op!(MULF, "arith.mulf", "float multiplication", [Pure], verify_float_binary);
op!(DIVF, "arith.divf", "float division", [Pure], verify_float_binary);
op!(
    REMF,
    "arith.remf",
    "float remainder with the sign of the dividend (C's `fmod`)",
    [Pure],
    verify_float_binary
);
op!(NEGF, "arith.negf", "float negation", [Pure], verify_float_unary);
op!(MAXF, "arith.maxf", "float maximum", [Pure], verify_float_binary);
op!(MINF, "arith.minf", "float minimum", [Pure], verify_float_binary);
op!(
    FLOORDIVF,
    "arith.floordivf",
    "float division rounded toward negative infinity (Python's `//`)",
    [Pure],
    verify_float_binary
);
op!(
    FLOORREMF,
    "arith.floorremf",
    "float remainder with the sign of the divisor (Python's `%`)",
    [Pure],
    verify_float_binary
);
op!(CMPI, "arith.cmpi", "integer comparison by `predicate`", [Pure], verify_cmpi);
op!(CMPF, "arith.cmpf", "float comparison by `predicate`", [Pure], verify_cmpf);
op!(SELECT, "arith.select", "`%c ? %a : %b` with an `i1` condition", [Pure], verify_select);
op!(EXTSI, "arith.extsi", "sign-extends an integer to a wider one", [Pure], verify_extend_integer);
op!(EXTUI, "arith.extui", "zero-extends an integer to a wider one", [Pure], verify_extend_integer);
op!(
    TRUNCI,
    "arith.trunci",
    "truncates an integer to a narrower one",
    [Pure],
    verify_truncate_integer
);
op!(SITOFP, "arith.sitofp", "signed integer to float", [Pure], verify_integer_to_float);
op!(UITOFP, "arith.uitofp", "unsigned integer to float", [Pure], verify_integer_to_float);
op!(
    FPTOSI,
    "arith.fptosi",
    "float to signed integer, rounding toward zero",
    [Pure],
    verify_float_to_integer
);
op!(
    FPTOUI,
    "arith.fptoui",
    "float to unsigned integer, rounding toward zero",
    [Pure],
    verify_float_to_integer
);
op!(EXTF, "arith.extf", "extends a float to a wider one", [Pure], verify_extend_float);
op!(TRUNCF, "arith.truncf", "truncates a float to a narrower one", [Pure], verify_truncate_float);
op!(
    INDEX_CAST,
    "arith.index_cast",
    "between `index` and an integer type",
    [Pure],
    verify_index_cast
);
op!(
    BITCAST,
    "arith.bitcast",
    "reinterprets the bits as another integer or float type of the same width",
    [Pure],
    verify_bitcast
);

pub static OPS: &[&OpDefinition] = &[
    &CONSTANT,
    &ADDI,
    &SUBI,
    &MULI,
    &DIVSI,
    &REMSI,
    &DIVUI,
    &REMUI,
    &FLOORDIVSI,
    &FLOORREMSI,
    &ANDI,
    &ORI,
    &XORI,
    &SHLI,
    &SHRSI,
    &SHRUI,
    &MAXSI,
    &MINSI,
    &MAXUI,
    &MINUI,
    &ADDF,
    &SUBF,
    &MULF,
    &DIVF,
    &REMF,
    &NEGF,
    &MAXF,
    &MINF,
    &FLOORDIVF,
    &FLOORREMF,
    &CMPI,
    &CMPF,
    &SELECT,
    &EXTSI,
    &EXTUI,
    &TRUNCI,
    &SITOFP,
    &UITOFP,
    &FPTOSI,
    &FPTOUI,
    &EXTF,
    &TRUNCF,
    &INDEX_CAST,
    &BITCAST,
];

pub const INTEGER_PREDICATES: &[&str] =
    &["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
pub const FLOAT_PREDICATES: &[&str] = &[
    "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule",
    "une", "uno", "true",
];

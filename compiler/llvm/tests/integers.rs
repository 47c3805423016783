//! Integer arithmetic of every width and signedness: wrapping `+ - *`, the signs of division
//! and remainder, `MIN / -1` (no trap), shifts, bitwise and min/max ops, comparisons,
//! `select` and booleans, each checked against a reference computed here in Rust.

mod common;

use common::{c_program, c_type, check, function, module};

#[derive(Clone, Copy)]
struct IntType {
    name: &'static str,
    bits: u32,
    signed: bool,
}

const TYPES: &[IntType] = &[
    IntType { name: "i8", bits: 8, signed: true },
    IntType { name: "i16", bits: 16, signed: true },
    IntType { name: "i32", bits: 32, signed: true },
    IntType { name: "i64", bits: 64, signed: true },
    IntType { name: "index", bits: 64, signed: true },
    IntType { name: "u8", bits: 8, signed: false },
    IntType { name: "u16", bits: 16, signed: false },
    IntType { name: "u32", bits: 32, signed: false },
    IntType { name: "u64", bits: 64, signed: false },
];

const OPS: &[&str] = &[
    "addi", "subi", "muli", "divsi", "remsi", "divui", "remui", "andi", "ori", "xori", "shli",
    "shrsi", "shrui", "maxsi", "minsi", "maxui", "minui",
];

fn mask(bits: u32) -> u128 {
    if bits == 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

fn as_unsigned(value: i128, bits: u32) -> i128 {
    (value as u128 & mask(bits)) as i128
}

fn as_signed(value: i128, bits: u32) -> i128 {
    let unsigned = as_unsigned(value, bits);
    if unsigned >= 1i128 << (bits - 1) {
        unsigned - (1i128 << bits)
    } else {
        unsigned
    }
}

/// `value`'s bits read as the type reads them.
fn normalize(value: i128, ty: IntType) -> i128 {
    if ty.signed {
        as_signed(value, ty.bits)
    } else {
        as_unsigned(value, ty.bits)
    }
}

/// What `op` gives on `a` and `b` of type `ty`, per docs/runtime.md.
fn reference(op: &str, a: i128, b: i128, ty: IntType) -> i128 {
    let bits = ty.bits;
    let (sa, sb) = (as_signed(a, bits), as_signed(b, bits));
    let (ua, ub) = (as_unsigned(a, bits), as_unsigned(b, bits));
    let result = match op {
        "addi" => a.wrapping_add(b),
        "subi" => a.wrapping_sub(b),
        "muli" => a.wrapping_mul(b),
        "divsi" if sb == -1 => -sa,
        "divsi" => sa / sb,
        "remsi" if sb == -1 => 0,
        "remsi" => sa % sb,
        "divui" => ua / ub,
        "remui" => ua % ub,
        "andi" => a & b,
        "ori" => a | b,
        "xori" => a ^ b,
        "shli" => ua << ub,
        "shrsi" => sa >> ub,
        "shrui" => ua >> ub,
        "maxsi" => sa.max(sb),
        "minsi" => sa.min(sb),
        "maxui" => ua.max(ub),
        "minui" => ua.min(ub),
        other => panic!("no reference for {other}"),
    };
    normalize(result, ty)
}

fn is_division(op: &str) -> bool {
    matches!(op, "divsi" | "remsi" | "divui" | "remui")
}

fn is_shift(op: &str) -> bool {
    matches!(op, "shli" | "shrsi" | "shrui")
}

/// Operands: zero, small values of both signs, and the type's extremes.
fn samples(ty: IntType) -> Vec<i128> {
    let min = if ty.signed { -(1i128 << (ty.bits - 1)) } else { 0 };
    let max = if ty.signed { (1i128 << (ty.bits - 1)) - 1 } else { mask(ty.bits) as i128 };
    [0, 1, -1, 7, -7, 3, -3, 100, min, max, min + 1, max - 1]
        .into_iter()
        .map(|v| normalize(v, ty))
        .collect()
}

fn shift_amounts(ty: IntType) -> Vec<i128> {
    vec![0, 1, 3, i128::from(ty.bits) - 1]
}

fn c_literal(value: i128, ty: IntType) -> String {
    format!("({})0x{:x}ull", c_type(ty.name), as_unsigned(value, ty.bits))
}

fn c_print(ty: IntType) -> (&'static str, &'static str) {
    if ty.signed {
        ("%lld", "(long long)")
    } else {
        ("%llu", "(unsigned long long)")
    }
}

#[test]
fn binary_integer_ops_of_every_width() {
    let mut items = Vec::new();
    let mut declarations = String::new();
    let mut body = String::new();
    let mut expected = String::new();
    for &ty in TYPES {
        let t = ty.name;
        let c = c_type(t);
        let (format, cast) = c_print(ty);
        let values: Vec<String> = samples(ty).iter().map(|&v| c_literal(v, ty)).collect();
        let shifts: Vec<String> = shift_amounts(ty).iter().map(|&v| c_literal(v, ty)).collect();
        declarations += &format!("static const {c} values_{t}[] = {{{}}};\n", values.join(", "));
        declarations += &format!("static const {c} shifts_{t}[] = {{{}}};\n", shifts.join(", "));
        for op in OPS {
            let name = format!("{op}_{t}");
            items.push(function(
                &name,
                &[t, t],
                &[t],
                &format!("  %r = arith.{op} %arg0, %arg1 : {t}\n  func.return %r : {t}"),
            ));
            declarations += &format!("{c} {name}({c}, {c});\n");
            let (rhs, rhs_values) = if is_shift(op) {
                (format!("shifts_{t}"), shift_amounts(ty))
            } else {
                (format!("values_{t}"), samples(ty))
            };
            body += &format!(
                "  for (size_t i = 0; i < sizeof values_{t} / sizeof values_{t}[0]; i++)\n    for (size_t j = 0; j < sizeof {rhs} / sizeof {rhs}[0]; j++) {{\n      {c} a = values_{t}[i], b = {rhs}[j];\n"
            );
            if is_division(op) {
                body += "      if (b == 0) continue;\n";
            }
            body += &format!(
                "      printf(\"{name} {format} {format} {format}\\n\", {cast}a, {cast}b, {cast}{name}(a, b));\n    }}\n"
            );
            for &a in &samples(ty) {
                for &b in &rhs_values {
                    if is_division(op) && b == 0 {
                        continue;
                    }
                    let r = reference(op, a, b, ty);
                    expected += &format!("{name} {a} {b} {r}\n");
                }
            }
        }
    }
    check("integer-binary", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn integer_comparisons_and_select() {
    const PREDICATES: &[&str] =
        &["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"];
    let mut items = Vec::new();
    let mut declarations = String::new();
    let mut body = String::new();
    let mut expected = String::new();
    for &ty in &[TYPES[2], TYPES[3], TYPES[5]] {
        let t = ty.name;
        let c = c_type(t);
        let (format, cast) = c_print(ty);
        let values: Vec<String> = samples(ty).iter().map(|&v| c_literal(v, ty)).collect();
        declarations += &format!("static const {c} values_{t}[] = {{{}}};\n", values.join(", "));
        for predicate in PREDICATES {
            let name = format!("cmpi_{predicate}_{t}");
            items.push(function(
                &name,
                &[t, t],
                &["i1"],
                &format!(
                    "  %r = arith.cmpi %arg0, %arg1 {{predicate = \"{predicate}\"}} : ({t}, {t}) -> i1\n  func.return %r : i1"
                ),
            ));
            declarations += &format!("bool {name}({c}, {c});\n");
            body += &format!(
                "  for (size_t i = 0; i < sizeof values_{t} / sizeof values_{t}[0]; i++)\n    for (size_t j = 0; j < sizeof values_{t} / sizeof values_{t}[0]; j++)\n      printf(\"{name} {format} {format} %d\\n\", {cast}values_{t}[i], {cast}values_{t}[j], (int){name}(values_{t}[i], values_{t}[j]));\n"
            );
            for &a in &samples(ty) {
                for &b in &samples(ty) {
                    let (sa, sb) = (as_signed(a, ty.bits), as_signed(b, ty.bits));
                    let (ua, ub) = (as_unsigned(a, ty.bits), as_unsigned(b, ty.bits));
                    let r = match *predicate {
                        "eq" => a == b,
                        "ne" => a != b,
                        "slt" => sa < sb,
                        "sle" => sa <= sb,
                        "sgt" => sa > sb,
                        "sge" => sa >= sb,
                        "ult" => ua < ub,
                        "ule" => ua <= ub,
                        "ugt" => ua > ub,
                        _ => ua >= ub,
                    };
                    expected += &format!("{name} {a} {b} {}\n", r as i32);
                }
            }
        }
        // select: the smaller of the two by a signed comparison, through an i1 argument too.
        let name = format!("select_{t}");
        items.push(function(
            &name,
            &["i1", t, t],
            &[t],
            &format!("  %r = arith.select %arg0, %arg1, %arg2 : (i1, {t}, {t}) -> {t}\n  func.return %r : {t}"),
        ));
        declarations += &format!("{c} {name}(bool, {c}, {c});\n");
        body += &format!(
            "  printf(\"{name} {format} {format}\\n\", {cast}{name}(true, 5, 9), {cast}{name}(false, 5, 9));\n"
        );
        expected += &format!("{name} 5 9\n");
    }
    check("integer-compare", &module(&items), &c_program(&declarations, &body), &expected);
}

#[test]
fn booleans() {
    let items = vec![function(
        "logic",
        &["i1", "i1"],
        &["i8"],
        // and, or, xor, not (xor with true), equality: packed into the bits of an i8.
        "  %t = arith.constant {value = 1 : i1} : i1
  %and = arith.andi %arg0, %arg1 : i1
  %or = arith.ori %arg0, %arg1 : i1
  %xor = arith.xori %arg0, %arg1 : i1
  %not = arith.xori %arg0, %t : i1
  %eq = arith.cmpi %arg0, %arg1 {predicate = \"eq\"} : (i1, i1) -> i1
  %b0 = arith.extui %and : (i1) -> i8
  %b1 = arith.extui %or : (i1) -> i8
  %b2 = arith.extui %xor : (i1) -> i8
  %b3 = arith.extui %not : (i1) -> i8
  %b4 = arith.extui %eq : (i1) -> i8
  %c1 = arith.constant {value = 1 : i8} : i8
  %c2 = arith.constant {value = 2 : i8} : i8
  %c3 = arith.constant {value = 3 : i8} : i8
  %c4 = arith.constant {value = 4 : i8} : i8
  %s1 = arith.shli %b1, %c1 : i8
  %s2 = arith.shli %b2, %c2 : i8
  %s3 = arith.shli %b3, %c3 : i8
  %s4 = arith.shli %b4, %c4 : i8
  %r1 = arith.ori %b0, %s1 : i8
  %r2 = arith.ori %r1, %s2 : i8
  %r3 = arith.ori %r2, %s3 : i8
  %r4 = arith.ori %r3, %s4 : i8
  func.return %r4 : i8",
    )];
    let driver = c_program(
        "int8_t logic(bool, bool);",
        "  for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) printf(\"%d %d %d\\n\", a, b, logic(a, b));",
    );
    let mut expected = String::new();
    for a in [false, true] {
        for b in [false, true] {
            let bits = (a & b) as i32
                | ((a | b) as i32) << 1
                | ((a ^ b) as i32) << 2
                | ((!a) as i32) << 3
                | ((a == b) as i32) << 4;
            expected += &format!("{} {} {bits}\n", a as i32, b as i32);
        }
    }
    check("booleans", &module(&items), &driver, &expected);
}

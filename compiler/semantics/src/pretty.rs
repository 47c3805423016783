//! Source-like text of expressions, for hints such as "write `f64(n) + x`".
//!
//! Printed from the tree rather than sliced from the file, so inference needs no access to
//! the text (which would make every body depend on every edit of its chunk).

use mlc_syntax::ast::{Expr, ExprKind, FStringPart, LogicalOp, UnaryOp};

pub fn expr_text(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(expr, &mut out, 0);
    out
}

/// `text` (a type, as displayed) in backquotes after its indefinite article, chosen by how
/// the name is read: "a `List[i64]`", "a `u8`" (you-eight), "an `i64`", "an `f64`" (ef),
/// "an `Error`".
pub fn with_article(text: &str) -> String {
    let article = if reads_with_vowel_sound(text) { "an" } else { "a" };
    format!("{article} `{text}`")
}

fn reads_with_vowel_sound(text: &str) -> bool {
    let lower: Vec<char> = text.chars().take(3).map(|c| c.to_ascii_lowercase()).collect();
    let Some(&first) = lower.first() else {
        return false;
    };
    let is_vowel = |c: char| "aeiou".contains(c);
    match lower.get(1) {
        // A letter read by its name: `T`, `f64`, `i32`, `u8`, `bf16`.
        None => "aefhilmnorsx".contains(first),
        Some(second) if second.is_ascii_digit() => "aefhilmnorsx".contains(first),
        // A word: `Error`, `int`, `Item`; a `u` followed by one consonant and a vowel reads
        // "you" (`Unit`, `usize`... `Usage`), otherwise it is a vowel (`Update`).
        Some(&second) => match first {
            'a' | 'e' | 'i' | 'o' => true,
            'u' => is_vowel(second) || !lower.get(2).is_some_and(|&third| is_vowel(third)),
            _ => false,
        },
    }
}

/// `precedence`: how tightly the context binds; operands that bind looser get parentheses.
fn write_expr(expr: &Expr, out: &mut String, precedence: u8) {
    match &expr.kind {
        ExprKind::Int(value) => out.push_str(&value.to_string()),
        ExprKind::Float(bits) => {
            let value = f64::from_bits(*bits);
            let text = format!("{value:?}");
            out.push_str(&text);
        }
        ExprKind::Bool(value) => out.push_str(if *value { "True" } else { "False" }),
        ExprKind::None => out.push_str("None"),
        ExprKind::Str(text) => out.push_str(&format!("{text:?}")),
        ExprKind::FString(parts) => {
            out.push_str("f\"");
            for part in parts {
                match part {
                    FStringPart::Literal { text, .. } => out.push_str(text),
                    FStringPart::Field { expr, spec, .. } => {
                        out.push('{');
                        write_expr(expr, out, 0);
                        if let Some(spec) = spec {
                            out.push(':');
                            out.push_str(spec);
                        }
                        out.push('}');
                    }
                }
            }
            out.push('"');
        }
        ExprKind::Name(name) => out.push_str(&name.text),
        ExprKind::Tuple(elements) => {
            out.push('(');
            write_list(elements, out);
            if elements.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List(elements) => {
            out.push('[');
            write_list(elements, out);
            out.push(']');
        }
        ExprKind::Dict(entries) => {
            out.push('{');
            for (index, (key, value)) in entries.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_expr(key, out, 0);
                out.push_str(": ");
                write_expr(value, out, 0);
            }
            out.push('}');
        }
        ExprKind::Unary { op, operand } => {
            let (symbol, own) = match op {
                UnaryOp::Neg => ("-", 12),
                UnaryOp::Pos => ("+", 12),
                UnaryOp::Invert => ("~", 12),
                UnaryOp::Not => ("not ", 3),
            };
            parenthesize(out, precedence > own, |out| {
                out.push_str(symbol);
                write_expr(operand, out, own);
            });
        }
        ExprKind::Binary { op, lhs, rhs } => {
            use mlc_syntax::ast::BinaryOp::*;
            let own = match op {
                BitOr => 5,
                BitXor => 6,
                BitAnd => 7,
                Shl | Shr => 8,
                Add | Sub => 9,
                Mul | Div | FloorDiv | Mod | MatMul => 10,
                Pow => 13,
            };
            parenthesize(out, precedence > own, |out| {
                write_expr(lhs, out, own);
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                write_expr(rhs, out, own + 1);
            });
        }
        ExprKind::Logical { op, lhs, rhs } => {
            let own = if *op == LogicalOp::And { 2 } else { 1 };
            parenthesize(out, precedence > own, |out| {
                write_expr(lhs, out, own);
                out.push_str(if *op == LogicalOp::And { " and " } else { " or " });
                write_expr(rhs, out, own + 1);
            });
        }
        ExprKind::Compare { first, rest } => {
            parenthesize(out, precedence > 4, |out| {
                write_expr(first, out, 5);
                for (op, operand) in rest {
                    out.push(' ');
                    out.push_str(op.symbol());
                    out.push(' ');
                    write_expr(operand, out, 5);
                }
            });
        }
        ExprKind::IfElse { condition, then, otherwise } => {
            parenthesize(out, precedence > 0, |out| {
                write_expr(then, out, 1);
                out.push_str(" if ");
                write_expr(condition, out, 1);
                out.push_str(" else ");
                write_expr(otherwise, out, 0);
            });
        }
        ExprKind::Call { callee, args } => {
            write_expr(callee, out, 14);
            out.push('(');
            for (index, arg) in args.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                if let Some(keyword) = &arg.keyword {
                    out.push_str(&keyword.text);
                    out.push('=');
                }
                write_expr(&arg.value, out, 0);
            }
            out.push(')');
        }
        ExprKind::Attribute { base, name } => {
            write_expr(base, out, 14);
            out.push('.');
            out.push_str(&name.text);
        }
        ExprKind::Index { base, indices } => {
            write_expr(base, out, 14);
            out.push('[');
            write_list(indices, out);
            out.push(']');
        }
        ExprKind::Slice { start, stop, step } => {
            if let Some(start) = start {
                write_expr(start, out, 0);
            }
            out.push(':');
            if let Some(stop) = stop {
                write_expr(stop, out, 0);
            }
            if let Some(step) = step {
                out.push(':');
                write_expr(step, out, 0);
            }
        }
        ExprKind::Error => out.push_str("..."),
    }
}

fn write_list(elements: &[Expr], out: &mut String) {
    for (index, element) in elements.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write_expr(element, out, 0);
    }
}

fn parenthesize(out: &mut String, needed: bool, body: impl FnOnce(&mut String)) {
    if needed {
        out.push('(');
    }
    body(out);
    if needed {
        out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::with_article;

    #[test]
    fn articles_follow_the_sound_of_the_name() {
        for (ty, expected) in [
            ("i64", "an `i64`"),
            ("i32", "an `i32`"),
            ("f64", "an `f64`"),
            ("f16", "an `f16`"),
            ("u8", "a `u8`"),
            ("u32", "a `u32`"),
            ("bf16", "a `bf16`"),
            ("Error", "an `Error`"),
            ("int", "an `int`"),
            ("Item", "an `Item`"),
            ("Unit", "a `Unit`"),
            ("Update", "an `Update`"),
            ("T", "a `T`"),
            ("S", "an `S`"),
            ("str", "a `str`"),
            ("bool", "a `bool`"),
            ("List[i64]", "a `List[i64]`"),
            ("PyObject", "a `PyObject`"),
            ("(i64, f64)", "a `(i64, f64)`"),
        ] {
            assert_eq!(with_article(ty), expected);
        }
    }
}

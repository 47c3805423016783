//! Stable, readable text forms of trees, tokens and diagnostics, for snapshot tests.
//!
//! One node per line, children indented by two spaces, each line ending with the node's
//! span (`Call 10..25`). Names show their own span as `name@start..end`. A child that plays
//! a particular role is prefixed by it (`value: Int 1 8..9`). The format only changes
//! when the AST does: snapshot files across the project depend on it.

use crate::ast::*;
use crate::token::{Token, TokenKind, TokenValue};
use mlc_diagnostics::Diagnostic;
use std::fmt::Write;

/// The snapshot text of a module.
pub fn dump(module: &Module) -> String {
    let mut writer = Writer { out: String::new() };
    writer.line(0, "", format_args!("Module {}", span(module.span)));
    for item in &module.items {
        writer.item(1, item);
    }
    writer.out
}

/// Diagnostics, one block each: `error[E0001] 3..4: message`, then labels, notes and hints.
pub fn dump_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let severity = if diagnostic.is_error() { "error" } else { "warning" };
        let _ = writeln!(
            out,
            "{severity}[{}] {}: {}",
            diagnostic.code,
            span(diagnostic.primary.span),
            diagnostic.message
        );
        let _ = writeln!(out, "  label: {}", diagnostic.primary.message);
        for label in &diagnostic.secondary {
            let _ = writeln!(out, "  also {}: {}", span(label.span), label.message);
        }
        for note in &diagnostic.notes {
            let _ = writeln!(out, "  note: {note}");
        }
        for hint in &diagnostic.hints {
            let _ = writeln!(out, "  hint: {hint}");
        }
    }
    out
}

/// Tokens, one per line: kind, span, and the text or decoded value where there is one.
pub fn dump_tokens(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    for token in tokens {
        let _ = write!(out, "{:?} {}", token.kind, span(token.span));
        match &token.value {
            TokenValue::None => match token.kind {
                TokenKind::Name | TokenKind::Error => {
                    let _ = write!(out, " {:?}", &text[token.span.range()]);
                }
                _ => {}
            },
            TokenValue::Int(value) => {
                let _ = write!(out, " {value}");
            }
            TokenValue::Float(bits) => {
                let _ = write!(out, " {:?}", f64::from_bits(*bits));
            }
            TokenValue::Str(value) => {
                let _ = write!(out, " {value:?}");
            }
            TokenValue::FString(pieces) => {
                let _ = write!(out, " {pieces:?}");
            }
        }
        out.push('\n');
    }
    out
}

fn span(span: Span) -> String {
    format!("{}..{}", span.start, span.end)
}

fn name(name: &Name) -> String {
    format!("{}@{}", name.text, span(name.span))
}

fn path(names: &[Name]) -> String {
    let text: Vec<&str> = names.iter().map(|name| name.text.as_str()).collect();
    match (names.first(), names.last()) {
        (Some(first), Some(last)) => {
            format!("{}@{}..{}", text.join("."), first.span.start, last.span.end)
        }
        _ => String::from("?"),
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, depth: usize, label: &str, text: std::fmt::Arguments<'_>) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        if !label.is_empty() {
            self.out.push_str(label);
            self.out.push_str(": ");
        }
        let _ = self.out.write_fmt(text);
        self.out.push('\n');
    }

    fn item(&mut self, depth: usize, item: &Item) {
        match item {
            Item::Import(import) => self.import(depth, import),
            Item::Const(konst) => {
                let keyword = if konst.is_extern { "ExternConst" } else { "Const" };
                self.line(
                    depth,
                    "",
                    format_args!("{keyword} {} {}", name(&konst.name), span(konst.span)),
                );
                if let Some(ty) = &konst.ty {
                    self.ty(depth + 1, "type", ty);
                }
                if let Some(value) = &konst.value {
                    self.expr(depth + 1, "value", value);
                }
            }
            Item::Struct(strukt) => {
                self.line(
                    depth,
                    "",
                    format_args!(
                        "Struct {} {}{}",
                        name(&strukt.name),
                        span(strukt.span),
                        if strukt.fields_broken { " fields-broken" } else { "" }
                    ),
                );
                for generic in &strukt.generics {
                    self.generic(depth + 1, generic);
                }
                for field in &strukt.fields {
                    self.line(
                        depth + 1,
                        "",
                        format_args!("Field {} {}", name(&field.name), span(field.span)),
                    );
                    self.ty(depth + 2, "type", &field.ty);
                    if let Some(default) = &field.default {
                        self.expr(depth + 2, "default", default);
                    }
                }
                for method in &strukt.methods {
                    self.function(depth + 1, method);
                }
            }
            Item::Function(function) => self.function(depth, function),
            Item::Error(error) => self.line(depth, "", format_args!("ErrorItem {}", span(*error))),
        }
    }

    fn import(&mut self, depth: usize, import: &Import) {
        self.line(depth, "", format_args!("Import {}", span(import.span)));
        match &import.kind {
            ImportKind::Module { path: module, alias } => {
                let alias =
                    alias.as_ref().map(|alias| format!(" as {}", name(alias))).unwrap_or_default();
                self.line(depth + 1, "", format_args!("module {}{alias}", path(module)));
            }
            ImportKind::From { module, names } => {
                self.line(depth + 1, "", format_args!("from {}", path(module)));
                for imported in names {
                    let alias = imported
                        .alias
                        .as_ref()
                        .map(|alias| format!(" as {}", name(alias)))
                        .unwrap_or_default();
                    self.line(
                        depth + 1,
                        "",
                        format_args!(
                            "name {}{alias} {}",
                            path(&imported.path),
                            span(imported.span)
                        ),
                    );
                }
            }
        }
    }

    fn generic(&mut self, depth: usize, generic: &GenericParam) {
        let bounds: Vec<String> = generic.bounds.iter().map(name).collect();
        let bounds = if generic.bounds_broken {
            ": <broken>".to_string()
        } else if bounds.is_empty() {
            String::new()
        } else {
            format!(": {}", bounds.join(" + "))
        };
        self.line(
            depth,
            "",
            format_args!("Generic {}{bounds} {}", name(&generic.name), span(generic.span)),
        );
    }

    fn function(&mut self, depth: usize, function: &Function) {
        let keyword = if function.is_extern { "ExternFunction" } else { "Function" };
        self.line(
            depth,
            "",
            format_args!(
                "{keyword} {} {}{}",
                name(&function.name),
                span(function.span),
                if function.params_broken { " params-broken" } else { "" }
            ),
        );
        for decorator in &function.decorators {
            self.line(
                depth + 1,
                "",
                format_args!("Decorator {} {}", name(&decorator.name), span(decorator.span)),
            );
        }
        for generic in &function.generics {
            self.generic(depth + 1, generic);
        }
        for param in &function.params {
            let kind = match param.kind {
                ParamKind::Regular => "Param",
                ParamKind::SelfValue => "SelfParam",
                ParamKind::MutSelf => "MutSelfParam",
            };
            self.line(
                depth + 1,
                "",
                format_args!("{kind} {} {}", name(&param.name), span(param.span)),
            );
            if let Some(ty) = &param.ty {
                self.ty(depth + 2, "type", ty);
            }
            if let Some(default) = &param.default {
                self.expr(depth + 2, "default", default);
            }
        }
        if let Some(return_type) = &function.return_type {
            self.ty(depth + 1, "returns", return_type);
        }
        if let Some(body) = &function.body {
            self.block(depth + 1, "", body);
        }
    }

    fn ty(&mut self, depth: usize, label: &str, ty: &TypeExpr) {
        match &ty.kind {
            TypeExprKind::Name(type_name) => {
                self.line(depth, label, format_args!("Type {} {}", type_name.text, span(ty.span)))
            }
            TypeExprKind::Generic { base, args } => {
                self.line(
                    depth,
                    label,
                    format_args!("TypeGeneric {} {}", name(base), span(ty.span)),
                );
                for arg in args {
                    self.ty(depth + 1, "", arg);
                }
            }
            TypeExprKind::Tuple(items) => {
                self.line(depth, label, format_args!("TypeTuple {}", span(ty.span)));
                for item in items {
                    self.ty(depth + 1, "", item);
                }
            }
            TypeExprKind::None => {
                self.line(depth, label, format_args!("TypeNone {}", span(ty.span)))
            }
            TypeExprKind::Error => {
                self.line(depth, label, format_args!("TypeError {}", span(ty.span)))
            }
        }
    }

    fn block(&mut self, depth: usize, label: &str, block: &Block) {
        self.line(depth, label, format_args!("Block {}", span(block.span)));
        for stmt in &block.stmts {
            self.stmt(depth + 1, stmt);
        }
    }

    fn stmt(&mut self, depth: usize, stmt: &Stmt) {
        let at = span(stmt.span);
        match &stmt.kind {
            StmtKind::Let { mutability, pattern, ty, value } => {
                let keyword = match mutability {
                    Mutability::Let => "Let",
                    Mutability::Var => "Var",
                };
                self.line(depth, "", format_args!("{keyword} {at}"));
                self.pattern(depth + 1, "pattern", pattern);
                if let Some(ty) = ty {
                    self.ty(depth + 1, "type", ty);
                }
                self.expr(depth + 1, "value", value);
            }
            StmtKind::Assign { target, value } => {
                self.line(depth, "", format_args!("Assign {at}"));
                self.expr(depth + 1, "target", target);
                self.expr(depth + 1, "value", value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.line(depth, "", format_args!("AugAssign {}= {at}", op.symbol()));
                self.expr(depth + 1, "target", target);
                self.expr(depth + 1, "value", value);
            }
            StmtKind::Expr(expr) => {
                self.line(depth, "", format_args!("ExprStmt {at}"));
                self.expr(depth + 1, "", expr);
            }
            StmtKind::If { branches, else_block } => {
                self.line(depth, "", format_args!("If {at}"));
                for branch in branches {
                    self.line(depth + 1, "", format_args!("Branch {}", span(branch.span)));
                    self.expr(depth + 2, "condition", &branch.condition);
                    self.block(depth + 2, "", &branch.body);
                }
                if let Some(else_block) = else_block {
                    self.block(depth + 1, "else", else_block);
                }
            }
            StmtKind::While { condition, body } => {
                self.line(depth, "", format_args!("While {at}"));
                self.expr(depth + 1, "condition", condition);
                self.block(depth + 1, "", body);
            }
            StmtKind::For { pattern, iterable, body } => {
                self.line(depth, "", format_args!("For {at}"));
                self.pattern(depth + 1, "pattern", pattern);
                self.expr(depth + 1, "iterable", iterable);
                self.block(depth + 1, "", body);
            }
            StmtKind::Break => self.line(depth, "", format_args!("Break {at}")),
            StmtKind::Continue => self.line(depth, "", format_args!("Continue {at}")),
            StmtKind::Pass => self.line(depth, "", format_args!("Pass {at}")),
            StmtKind::Return(value) => {
                self.line(depth, "", format_args!("Return {at}"));
                if let Some(value) = value {
                    self.expr(depth + 1, "", value);
                }
            }
            StmtKind::Raise(value) => {
                self.line(depth, "", format_args!("Raise {at}"));
                if let Some(value) = value {
                    self.expr(depth + 1, "", value);
                }
            }
            StmtKind::Try { body, handlers, finally } => {
                self.line(depth, "", format_args!("Try {at}"));
                self.block(depth + 1, "", body);
                for handler in handlers {
                    let binding = handler
                        .binding
                        .as_ref()
                        .map(|binding| format!(" {}", name(binding)))
                        .unwrap_or_default();
                    self.line(
                        depth + 1,
                        "",
                        format_args!("Except{binding} {}", span(handler.span)),
                    );
                    self.block(depth + 2, "", &handler.body);
                }
                if let Some(finally) = finally {
                    self.block(depth + 1, "finally", finally);
                }
            }
            StmtKind::Assert { condition, message } => {
                self.line(depth, "", format_args!("Assert {at}"));
                self.expr(depth + 1, "condition", condition);
                if let Some(message) = message {
                    self.expr(depth + 1, "message", message);
                }
            }
            StmtKind::Error => self.line(depth, "", format_args!("ErrorStmt {at}")),
        }
    }

    fn pattern(&mut self, depth: usize, label: &str, pattern: &Pattern) {
        match &pattern.kind {
            PatternKind::Name(pattern_name) => self.line(
                depth,
                label,
                format_args!("PatName {} {}", pattern_name.text, span(pattern.span)),
            ),
            PatternKind::Tuple(items) => {
                self.line(depth, label, format_args!("PatTuple {}", span(pattern.span)));
                for item in items {
                    self.pattern(depth + 1, "", item);
                }
            }
        }
    }

    fn expr(&mut self, depth: usize, label: &str, expr: &Expr) {
        let at = span(expr.span);
        match &expr.kind {
            ExprKind::Int(value) => self.line(depth, label, format_args!("Int {value} {at}")),
            ExprKind::Float(bits) => {
                self.line(depth, label, format_args!("Float {:?} {at}", f64::from_bits(*bits)))
            }
            ExprKind::Bool(value) => {
                let text = if *value { "True" } else { "False" };
                self.line(depth, label, format_args!("Bool {text} {at}"))
            }
            ExprKind::None => self.line(depth, label, format_args!("None {at}")),
            ExprKind::Str(value) => self.line(depth, label, format_args!("Str {value:?} {at}")),
            ExprKind::FString(parts) => {
                self.line(depth, label, format_args!("FString {at}"));
                for part in parts {
                    match part {
                        FStringPart::Literal { text, span: part_span } => self.line(
                            depth + 1,
                            "",
                            format_args!("Literal {text:?} {}", span(*part_span)),
                        ),
                        FStringPart::Field { expr, spec, span: part_span } => {
                            let spec = spec
                                .as_ref()
                                .map(|spec| format!(" spec {spec:?}"))
                                .unwrap_or_default();
                            self.line(
                                depth + 1,
                                "",
                                format_args!("Field{spec} {}", span(*part_span)),
                            );
                            self.expr(depth + 2, "", expr);
                        }
                    }
                }
            }
            ExprKind::Name(variable) => {
                self.line(depth, label, format_args!("Name {} {at}", variable.text))
            }
            ExprKind::Tuple(items) => {
                self.line(depth, label, format_args!("Tuple {at}"));
                for item in items {
                    self.expr(depth + 1, "", item);
                }
            }
            ExprKind::List(items) => {
                self.line(depth, label, format_args!("List {at}"));
                for item in items {
                    self.expr(depth + 1, "", item);
                }
            }
            ExprKind::Dict(entries) => {
                self.line(depth, label, format_args!("Dict {at}"));
                for (key, value) in entries {
                    self.expr(depth + 1, "key", key);
                    self.expr(depth + 1, "value", value);
                }
            }
            ExprKind::Unary { op, operand } => {
                let symbol = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Not => "not",
                    UnaryOp::Invert => "~",
                };
                self.line(depth, label, format_args!("Unary {symbol} {at}"));
                self.expr(depth + 1, "", operand);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.line(depth, label, format_args!("Binary {} {at}", op.symbol()));
                self.expr(depth + 1, "", lhs);
                self.expr(depth + 1, "", rhs);
            }
            ExprKind::Logical { op, lhs, rhs } => {
                let symbol = match op {
                    LogicalOp::And => "and",
                    LogicalOp::Or => "or",
                };
                self.line(depth, label, format_args!("Logical {symbol} {at}"));
                self.expr(depth + 1, "", lhs);
                self.expr(depth + 1, "", rhs);
            }
            ExprKind::Compare { first, rest } => {
                let ops: Vec<&str> = rest.iter().map(|(op, _)| op.symbol()).collect();
                self.line(depth, label, format_args!("Compare {} {at}", ops.join(", ")));
                self.expr(depth + 1, "", first);
                for (_, operand) in rest {
                    self.expr(depth + 1, "", operand);
                }
            }
            ExprKind::IfElse { condition, then, otherwise } => {
                self.line(depth, label, format_args!("IfElse {at}"));
                self.expr(depth + 1, "then", then);
                self.expr(depth + 1, "condition", condition);
                self.expr(depth + 1, "otherwise", otherwise);
            }
            ExprKind::Call { callee, args } => {
                self.line(depth, label, format_args!("Call {at}"));
                self.expr(depth + 1, "callee", callee);
                for arg in args {
                    match &arg.keyword {
                        Some(keyword) => {
                            self.line(
                                depth + 1,
                                "",
                                format_args!("Keyword {} {}", name(keyword), span(arg.span)),
                            );
                            self.expr(depth + 2, "", &arg.value);
                        }
                        None => self.expr(depth + 1, "", &arg.value),
                    }
                }
            }
            ExprKind::Attribute { base, name: attribute } => {
                self.line(depth, label, format_args!("Attribute {} {at}", name(attribute)));
                self.expr(depth + 1, "", base);
            }
            ExprKind::Index { base, indices } => {
                self.line(depth, label, format_args!("Index {at}"));
                self.expr(depth + 1, "base", base);
                for index in indices {
                    self.expr(depth + 1, "", index);
                }
            }
            ExprKind::Slice { start, stop, step } => {
                self.line(depth, label, format_args!("Slice {at}"));
                if let Some(start) = start {
                    self.expr(depth + 1, "start", start);
                }
                if let Some(stop) = stop {
                    self.expr(depth + 1, "stop", stop);
                }
                if let Some(step) = step {
                    self.expr(depth + 1, "step", step);
                }
            }
            ExprKind::Error => self.line(depth, label, format_args!("ErrorExpr {at}")),
        }
    }
}

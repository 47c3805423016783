//! [`MapSpans`]: rewrites every span of a syntax subtree.
//!
//! The semantic database stores item bodies with spans relative to the item's start, so an
//! edit that only moves an item does not change its stored tree; this trait is how it moves
//! them. Every node type implements it and visits each of its spans exactly once, its own
//! first, then its children in source order.

use crate::ast::*;

pub trait MapSpans {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span);
}

impl MapSpans for Span {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        *self = f(*self);
    }
}

impl<T: MapSpans> MapSpans for Option<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        if let Some(inner) = self {
            inner.map_spans(f);
        }
    }
}

impl<T: MapSpans> MapSpans for Vec<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        for item in self {
            item.map_spans(f);
        }
    }
}

impl<T: MapSpans> MapSpans for Box<T> {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        (**self).map_spans(f);
    }
}

impl<A: MapSpans, B: MapSpans> MapSpans for (A, B) {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.0.map_spans(f);
        self.1.map_spans(f);
    }
}

/// An operator has no span; this lets `(CompareOp, Expr)` links use the pair impl.
impl MapSpans for CompareOp {
    fn map_spans(&mut self, _f: &mut dyn FnMut(Span) -> Span) {}
}

impl MapSpans for Name {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
    }
}

impl MapSpans for Module {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.items.map_spans(f);
    }
}

impl MapSpans for Item {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        match self {
            Item::Import(import) => import.map_spans(f),
            Item::Const(konst) => konst.map_spans(f),
            Item::Struct(strukt) => strukt.map_spans(f),
            Item::Function(function) => function.map_spans(f),
            Item::Error(span) => span.map_spans(f),
        }
    }
}

impl MapSpans for Import {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            ImportKind::Module { path, alias } => {
                path.map_spans(f);
                alias.map_spans(f);
            }
            ImportKind::From { module, names } => {
                module.map_spans(f);
                names.map_spans(f);
            }
        }
    }
}

impl MapSpans for ImportedName {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.path.map_spans(f);
        self.alias.map_spans(f);
    }
}

impl MapSpans for Const {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.ty.map_spans(f);
        self.value.map_spans(f);
    }
}

impl MapSpans for Struct {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.generics.map_spans(f);
        self.fields.map_spans(f);
        self.methods.map_spans(f);
    }
}

impl MapSpans for Field {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.ty.map_spans(f);
        self.default.map_spans(f);
    }
}

impl MapSpans for GenericParam {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.bounds.map_spans(f);
    }
}

impl MapSpans for Decorator {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
    }
}

impl MapSpans for Function {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.decorators.map_spans(f);
        self.name.map_spans(f);
        self.generics.map_spans(f);
        self.params.map_spans(f);
        self.return_type.map_spans(f);
        self.body.map_spans(f);
    }
}

impl MapSpans for Param {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.ty.map_spans(f);
        self.default.map_spans(f);
    }
}

impl MapSpans for TypeExpr {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            TypeExprKind::Name(name) => name.map_spans(f),
            TypeExprKind::Generic { base, args } => {
                base.map_spans(f);
                args.map_spans(f);
            }
            TypeExprKind::Tuple(items) => items.map_spans(f),
            TypeExprKind::None | TypeExprKind::Error => {}
        }
    }
}

impl MapSpans for Block {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.stmts.map_spans(f);
    }
}

impl MapSpans for Stmt {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            StmtKind::Let { mutability: _, pattern, ty, value } => {
                pattern.map_spans(f);
                ty.map_spans(f);
                value.map_spans(f);
            }
            StmtKind::Assign { target, value } => {
                target.map_spans(f);
                value.map_spans(f);
            }
            StmtKind::AugAssign { target, op: _, value } => {
                target.map_spans(f);
                value.map_spans(f);
            }
            StmtKind::Expr(expr) => expr.map_spans(f),
            StmtKind::If { branches, else_block } => {
                branches.map_spans(f);
                else_block.map_spans(f);
            }
            StmtKind::While { condition, body } => {
                condition.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::For { pattern, iterable, body } => {
                pattern.map_spans(f);
                iterable.map_spans(f);
                body.map_spans(f);
            }
            StmtKind::Return(value) | StmtKind::Raise(value) => value.map_spans(f),
            StmtKind::Try { body, handlers, finally } => {
                body.map_spans(f);
                handlers.map_spans(f);
                finally.map_spans(f);
            }
            StmtKind::Assert { condition, message } => {
                condition.map_spans(f);
                message.map_spans(f);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Error => {}
        }
    }
}

impl MapSpans for IfBranch {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.condition.map_spans(f);
        self.body.map_spans(f);
    }
}

impl MapSpans for ExceptHandler {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.binding.map_spans(f);
        self.body.map_spans(f);
    }
}

impl MapSpans for Pattern {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            PatternKind::Name(name) => name.map_spans(f),
            PatternKind::Tuple(items) => items.map_spans(f),
        }
    }
}

impl MapSpans for Expr {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::Error => {}
            ExprKind::FString(parts) => parts.map_spans(f),
            ExprKind::Name(name) => name.map_spans(f),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.map_spans(f),
            ExprKind::Dict(entries) => entries.map_spans(f),
            ExprKind::Unary { op: _, operand } => operand.map_spans(f),
            ExprKind::Binary { op: _, lhs, rhs } | ExprKind::Logical { op: _, lhs, rhs } => {
                lhs.map_spans(f);
                rhs.map_spans(f);
            }
            ExprKind::Compare { first, rest } => {
                first.map_spans(f);
                rest.map_spans(f);
            }
            ExprKind::IfElse { condition, then, otherwise } => {
                // Source order: `then if condition else otherwise`.
                then.map_spans(f);
                condition.map_spans(f);
                otherwise.map_spans(f);
            }
            ExprKind::Call { callee, args } => {
                callee.map_spans(f);
                args.map_spans(f);
            }
            ExprKind::Attribute { base, name } => {
                base.map_spans(f);
                name.map_spans(f);
            }
            ExprKind::Index { base, indices } => {
                base.map_spans(f);
                indices.map_spans(f);
            }
            ExprKind::Slice { start, stop, step } => {
                start.map_spans(f);
                stop.map_spans(f);
                step.map_spans(f);
            }
        }
    }
}

impl MapSpans for Arg {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        self.span.map_spans(f);
        self.keyword.map_spans(f);
        self.value.map_spans(f);
    }
}

impl MapSpans for FStringPart {
    fn map_spans(&mut self, f: &mut dyn FnMut(Span) -> Span) {
        match self {
            FStringPart::Literal { text: _, span } => span.map_spans(f),
            FStringPart::Field { expr, spec: _, span } => {
                span.map_spans(f);
                expr.map_spans(f);
            }
        }
    }
}

//! The abstract syntax tree: every construct of the source, undesugared, with byte spans.
//!
//! Nothing is dropped or rewritten here: `for i, x in enumerate(xs)` is a `For` with a tuple
//! pattern and a call, `a < b < c` is one `Compare` with two links, `t[i, j]` is an `Index`
//! with two indices, `f[grid, block](args)` and `rand[f32](shape)` are a `Call` whose callee
//! is an `Index` (only name resolution knows whether the brackets hold types or a launch
//! configuration). Comments are kept beside the tree, in `Parse::comments`.
//!
//! Every node derives `Eq` and `Hash` so the semantic database can compare trees and cut
//! recomputation short when an edit leaves a tree unchanged. Floats are therefore stored as
//! their bit pattern.

pub use mlc_diagnostics::Span;

/// An identifier and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// A whole source file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Module {
    pub items: Vec<Item>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Import(Import),
    Const(Const),
    Struct(Struct),
    Function(Function),
    /// Something that failed to parse as an item; its errors are in `Parse::errors`.
    Error(Span),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Import(import) => import.span,
            Item::Const(konst) => konst.span,
            Item::Struct(strukt) => strukt.span,
            Item::Function(function) => function.span,
            Item::Error(span) => *span,
        }
    }
}

/// `import a.b [as c]` or `from a.b import x [as y], ...`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Import {
    pub kind: ImportKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// `import math`, `import math as m`.
    Module { path: Vec<Name>, alias: Option<Name> },
    /// `from math import sqrt, pi`, `from python import numpy as np`.
    From { module: Vec<Name>, names: Vec<ImportedName> },
}

/// One `x [as y]` of a `from` import; `x` may be dotted (`from python import os.path`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ImportedName {
    pub path: Vec<Name>,
    pub alias: Option<Name>,
    pub span: Span,
}

/// `const N: i64 = 1024`, or in the standard library `extern const pi: f64`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Const {
    pub is_extern: bool,
    pub name: Name,
    pub ty: Option<TypeExpr>,
    /// `None` only for `extern const`.
    pub value: Option<Expr>,
    pub span: Span,
}

/// `struct Name[T: Bound]:` with fields and methods.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Struct {
    pub name: Name,
    pub generics: Vec<GenericParam>,
    pub fields: Vec<Field>,
    /// A line of the body failed to parse (reported) before its default: it may have been a
    /// field, or one without its default, so which arguments a constructor call takes is
    /// unknown. `fields` holds the fields that parsed, a broken one with the error type.
    pub fields_broken: bool,
    pub methods: Vec<Function>,
    pub span: Span,
}

/// `x: f64` or `x: f64 = 0.0` inside a struct.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: Name,
    pub ty: TypeExpr,
    pub default: Option<Expr>,
    pub span: Span,
}

/// `T` or `T: Numeric` (several bounds: `T: Numeric + Comparable`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GenericParam {
    pub name: Name,
    pub bounds: Vec<Name>,
    /// The bounds failed to parse (reported): the parameter is taken to have any bound.
    pub bounds_broken: bool,
    pub span: Span,
}

/// `@kernel`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decorator {
    pub name: Name,
    pub span: Span,
}

/// A function or method. In the standard library, `extern fn` declares one without a body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Function {
    pub decorators: Vec<Decorator>,
    pub is_extern: bool,
    pub name: Name,
    pub generics: Vec<GenericParam>,
    pub params: Vec<Param>,
    /// A parameter failed to parse (reported): `params` holds those that parsed (a broken one
    /// whose name is known, with the error type), so how arguments pair with parameters is
    /// unknown and calls are not checked for it.
    pub params_broken: bool,
    /// A return type that failed to parse (or a header broken after its `)`) is the error type.
    pub return_type: Option<TypeExpr>,
    /// `None` only for `extern fn`.
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// `name: Type [= default]`.
    Regular,
    /// `self`: the receiver, by value.
    SelfValue,
    /// `mut self`: the receiver, which the method may change.
    MutSelf,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Param {
    pub kind: ParamKind,
    pub name: Name,
    /// `None` for `self` and `mut self`.
    pub ty: Option<TypeExpr>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// A type as written: `i64`, `List[f64]`, `Dict[str, i64]`, `(i64, f64)`, `None`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeExprKind {
    /// `i64`, `Vec3`, `T`, `PyObject`.
    Name(Name),
    /// `List[f64]`, `Tensor[f32]`, `Dict[str, i64]`.
    Generic { base: Name, args: Vec<TypeExpr> },
    /// `(i64, f64)`; `()` is the empty tuple.
    Tuple(Vec<TypeExpr>),
    /// `None`: no value (a function that returns nothing).
    None,
    /// Failed to parse; the error is in `Parse::errors`.
    Error,
}

/// An indented block of statements.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mutability {
    /// `let`: bound once.
    Let,
    /// `var`: may be reassigned and mutated.
    Var,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StmtKind {
    /// `let x: T = e`, `var x = e`, `let (a, b) = pair`.
    Let {
        mutability: Mutability,
        pattern: Pattern,
        ty: Option<TypeExpr>,
        value: Expr,
    },
    /// `target = value`; the target is a name, field, index or tuple of them.
    Assign {
        target: Expr,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinaryOp,
        value: Expr,
    },
    Expr(Expr),
    /// `if c: ... elif c: ... else: ...`: `branches` holds the `if` and each `elif`.
    If {
        branches: Vec<IfBranch>,
        else_block: Option<Block>,
    },
    While {
        condition: Expr,
        body: Block,
    },
    For {
        pattern: Pattern,
        iterable: Expr,
        body: Block,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    /// `raise e`; a bare `raise` (re-raise inside `except`) has no value.
    Raise(Option<Expr>),
    Try {
        body: Block,
        handlers: Vec<ExceptHandler>,
        finally: Option<Block>,
    },
    Assert {
        condition: Expr,
        message: Option<Expr>,
    },
    /// Failed to parse; the error is in `Parse::errors`.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfBranch {
    pub condition: Expr,
    pub body: Block,
    pub span: Span,
}

/// `except e:` (binds what was raised to `e`) or `except:`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExceptHandler {
    pub binding: Option<Name>,
    pub body: Block,
    pub span: Span,
}

/// What `let` and `for` bind: a name or a (nested) tuple of names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PatternKind {
    Name(Name),
    Tuple(Vec<Pattern>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExprKind {
    /// `42`, `0xff`, `1_000_000`: the value (negative numbers are `Unary(Neg, ..)`).
    Int(u64),
    /// `3.14`, `1e-9`: the `f64` bit pattern (see [`ExprKind::float`]).
    Float(u64),
    Bool(bool),
    None,
    /// A string literal, escapes decoded.
    Str(String),
    /// `f"x={x} y={y:.3f}"`.
    FString(Vec<FStringPart>),
    Name(Name),
    /// `(a, b)`, `(a,)`; `()` is the empty tuple.
    Tuple(Vec<Expr>),
    /// `[1, 2, 3]`.
    List(Vec<Expr>),
    /// `{"a": 1}`.
    Dict(Vec<(Expr, Expr)>),
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `and` / `or`, short-circuiting.
    Logical {
        op: LogicalOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `a < b`, and chains `a < b <= c` (each operand evaluated once).
    Compare {
        first: Box<Expr>,
        rest: Vec<(CompareOp, Expr)>,
    },
    /// `then if condition else otherwise`.
    IfElse {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `base.name`.
    Attribute {
        base: Box<Expr>,
        name: Name,
    },
    /// `base[i]`, `base[i, j]`, `base[a:b]`; also `List[f64]` and `kernel[grid, block]`.
    Index {
        base: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `start:stop:step`, only inside `Index`.
    Slice {
        start: Option<Box<Expr>>,
        stop: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// Failed to parse; the error is in `Parse::errors`.
    Error,
}

impl ExprKind {
    pub fn float(value: f64) -> ExprKind {
        ExprKind::Float(value.to_bits())
    }
}

/// One call argument: positional (`f(x)`) or keyword (`f(dim=1)`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Arg {
    pub keyword: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FStringPart {
    /// Text between replacement fields, escapes and `{{`/`}}` decoded.
    Literal { text: String, span: Span },
    /// `{expr}` or `{expr:spec}`; the spec is kept as written (`.3f`, `>8`).
    Field { expr: Expr, spec: Option<String>, span: Span },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `~x`
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    /// `/`: true division.
    Div,
    /// `//`: floor division.
    FloorDiv,
    /// `%`: floored remainder.
    Mod,
    /// `**`
    Pow,
    /// `@`: matrix product.
    MatMul,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "**",
            BinaryOp::MatMul => "@",
            BinaryOp::BitAnd => "&",
            BinaryOp::BitOr => "|",
            BinaryOp::BitXor => "^",
            BinaryOp::Shl => "<<",
            BinaryOp::Shr => ">>",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogicalOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "==",
            CompareOp::NotEq => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
            CompareOp::In => "in",
            CompareOp::NotIn => "not in",
            CompareOp::Is => "is",
            CompareOp::IsNot => "is not",
        }
    }
}

//! The token kinds, as a logos state machine, and the [`Token`] the layout pass hands on.
//!
//! Logos recognises the raw kinds (keywords, names, literals, punctuation, comments and
//! physical newlines). The layout pass ([`crate::layout`]) then drops comments, turns
//! physical newlines into logical [`TokenKind::Newline`]s and adds [`TokenKind::Indent`] and
//! [`TokenKind::Dedent`]. Malformed input becomes a [`TokenKind::Error`] token whose
//! diagnostic has already been reported, so the parser only has to skip it.

use logos::Logos;
use mlc_diagnostics::Span;
use std::fmt;

/// One token after the layout pass: its kind, where it is, and a decoded literal value.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    pub value: TokenValue,
}

/// The decoded value of a literal token (names are read from the text by their span).
#[derive(Clone, Debug, PartialEq)]
pub enum TokenValue {
    None,
    Int(u64),
    /// The `f64` bit pattern.
    Float(u64),
    /// A string literal with its escapes decoded.
    Str(String),
    /// The pieces of an f-string; fields are still source text, parsed by the parser.
    FString(Vec<FStringPiece>),
}

/// A piece of an f-string as the lexer sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPiece {
    /// Text between fields, escapes and `{{`/`}}` decoded; `span` covers the raw text.
    Literal { text: String, span: Span },
    /// `{expr:spec}`: `expr` is the span of the expression's text, `span` the whole field.
    Field { expr: Span, spec: Option<String>, span: Span },
}

/// Skipped between tokens: spaces, tabs and form feeds, a lone carriage return, a byte-order
/// mark (some editors start files with one), and a backslash that continues the line.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[logos(skip r"[ \t\x0C\r\u{FEFF}]+")]
#[logos(skip r"\\\r?\n")]
pub enum TokenKind {
    // ---- keywords -----------------------------------------------------------------------
    #[token("fn")]
    Fn,
    #[token("let")]
    Let,
    #[token("var")]
    Var,
    #[token("const")]
    Const,
    #[token("struct")]
    Struct,
    #[token("import")]
    Import,
    #[token("from")]
    From,
    #[token("as")]
    As,
    #[token("if")]
    If,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("for")]
    For,
    #[token("in")]
    In,
    #[token("while")]
    While,
    #[token("break")]
    Break,
    #[token("continue")]
    Continue,
    #[token("return")]
    Return,
    #[token("pass")]
    Pass,
    #[token("and")]
    And,
    #[token("or")]
    Or,
    #[token("not")]
    Not,
    #[token("is")]
    Is,
    #[token("True")]
    True,
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("try")]
    Try,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("raise")]
    Raise,
    #[token("assert")]
    Assert,
    #[token("extern")]
    Extern,

    // ---- names and literals -------------------------------------------------------------
    #[regex("[A-Za-z_][A-Za-z0-9_]*")]
    Name,
    #[regex("[0-9][0-9_]*")]
    #[regex("0[xXoObB][0-9A-Za-z_]*")]
    Int,
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]+)?")]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?")]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9_]+")]
    Float,
    #[regex(r#""([^"\\\n\r]|\\[^\n\r])*""#)]
    #[regex(r#"'([^'\\\n\r]|\\[^\n\r])*'"#)]
    #[token("\"\"\"", |lex| triple_quoted(lex, "\"\"\""))]
    #[token("'''", |lex| triple_quoted(lex, "'''"))]
    Str,
    #[regex(r#"[fF]"([^"\\\n\r]|\\[^\n\r])*""#)]
    #[regex(r#"[fF]'([^'\\\n\r]|\\[^\n\r])*'"#)]
    FString,
    /// A string that reaches the end of its line: the lexer reports it and makes it an error.
    #[regex(r#"[fF]?"([^"\\\n\r]|\\[^\n\r])*\\?"#)]
    #[regex(r#"[fF]?'([^'\\\n\r]|\\[^\n\r])*\\?"#)]
    UnterminatedStr,
    #[regex("#[^\r\n]*", allow_greedy = true)]
    Comment,

    // ---- punctuation --------------------------------------------------------------------
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semicolon,
    #[token(".")]
    Dot,
    #[token("@")]
    At,
    #[token("=")]
    Assign,
    #[token("->")]
    Arrow,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("**")]
    DoubleStar,
    #[token("&")]
    Amper,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("<")]
    Less,
    #[token("<=")]
    LessEq,
    #[token(">")]
    Greater,
    #[token(">=")]
    GreaterEq,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("//=")]
    DoubleSlashEq,
    #[token("%=")]
    PercentEq,
    #[token("**=")]
    DoubleStarEq,
    #[token("&=")]
    AmperEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("<<=")]
    LeftShiftEq,
    #[token(">>=")]
    RightShiftEq,

    // ---- layout (made by the layout pass, never by logos) -------------------------------
    /// A physical newline from logos; after the layout pass, the end of a logical line.
    #[regex(r"\r?\n")]
    Newline,
    Indent,
    Dedent,
    /// Malformed input, already reported by the lexer or the layout pass.
    Error,
}

/// Consumes a triple-quoted string up to its closing quotes (or the end of the text).
fn triple_quoted<'s>(lex: &mut logos::Lexer<'s, TokenKind>, quotes: &str) -> TokenKind {
    let rest = lex.remainder();
    let bytes = rest.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'\\' {
            index += 2;
            continue;
        }
        if bytes[index..].starts_with(quotes.as_bytes()) {
            lex.bump(index + quotes.len());
            return TokenKind::Str;
        }
        index += 1;
    }
    // Unterminated: take everything up to the end of the text (a char boundary).
    lex.bump(rest.len());
    TokenKind::UnterminatedStr
}

impl TokenKind {
    pub fn is_keyword(self) -> bool {
        (self as u8) <= (TokenKind::Extern as u8)
    }

    /// The text of a keyword or punctuation token, as written.
    pub fn text(self) -> Option<&'static str> {
        use TokenKind::*;
        Some(match self {
            Fn => "fn",
            Let => "let",
            Var => "var",
            Const => "const",
            Struct => "struct",
            Import => "import",
            From => "from",
            As => "as",
            If => "if",
            Elif => "elif",
            Else => "else",
            For => "for",
            In => "in",
            While => "while",
            Break => "break",
            Continue => "continue",
            Return => "return",
            Pass => "pass",
            And => "and",
            Or => "or",
            Not => "not",
            Is => "is",
            True => "True",
            False => "False",
            None => "None",
            Try => "try",
            Except => "except",
            Finally => "finally",
            Raise => "raise",
            Assert => "assert",
            Extern => "extern",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            Semicolon => ";",
            Dot => ".",
            At => "@",
            Assign => "=",
            Arrow => "->",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            DoubleStar => "**",
            Amper => "&",
            Pipe => "|",
            Caret => "^",
            Tilde => "~",
            LeftShift => "<<",
            RightShift => ">>",
            EqEq => "==",
            NotEq => "!=",
            Less => "<",
            LessEq => "<=",
            Greater => ">",
            GreaterEq => ">=",
            PlusEq => "+=",
            MinusEq => "-=",
            StarEq => "*=",
            SlashEq => "/=",
            DoubleSlashEq => "//=",
            PercentEq => "%=",
            DoubleStarEq => "**=",
            AmperEq => "&=",
            PipeEq => "|=",
            CaretEq => "^=",
            LeftShiftEq => "<<=",
            RightShiftEq => ">>=",
            Name | Int | Float | Str | FString | UnterminatedStr | Comment | Newline | Indent
            | Dedent | Error => return Option::None,
        })
    }

    /// How a diagnostic names this kind of token: "`fn`", "a name", "end of line".
    pub fn describe(self) -> String {
        if let Some(text) = self.text() {
            return format!("`{text}`");
        }
        match self {
            TokenKind::Name => "a name",
            TokenKind::Int => "an integer",
            TokenKind::Float => "a float",
            TokenKind::Str | TokenKind::UnterminatedStr => "a string",
            TokenKind::FString => "an f-string",
            TokenKind::Comment => "a comment",
            TokenKind::Newline => "end of line",
            TokenKind::Indent => "an indented block",
            TokenKind::Dedent => "end of block",
            _ => "invalid text",
        }
        .to_string()
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

//! Text to syntax tree. (Being written: lexer, layout pass and parser arrive next.)
pub mod ast;

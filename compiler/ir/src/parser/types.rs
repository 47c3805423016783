//! Types in the text, exactly as `Type`'s `Display` writes them (see `types.rs`).

use super::{Parser, Result};
use crate::types::{Dim, FloatKind, Type};

impl Parser<'_, '_> {
    pub(super) fn type_list(&mut self, close: &str) -> Result<Vec<Type>> {
        if self.eat(close) {
            return Ok(Vec::new());
        }
        let types = self.comma_list(Self::ty)?;
        self.expect(close)?;
        Ok(types)
    }

    pub(super) fn ty(&mut self) -> Result<Type> {
        self.skip_trivia();
        let start = self.position;
        if self.eat("(") {
            let inputs = self.type_list(")")?;
            self.expect("->")?;
            let results = if self.eat("(") { self.type_list(")")? } else { vec![self.ty()?] };
            return Ok(Type::Function { inputs, results });
        }
        let bang = self.eat("!");
        let name = self.word().to_string();
        let unknown = || {
            self.error_at(start, format!("unknown type `{}{name}`", if bang { "!" } else { "" }))
        };
        let ty = match (bang, name.as_str()) {
            (false, "i1" | "i8" | "i16" | "i32" | "i64") => Type::Int(name[1..].parse().unwrap()),
            (false, "u8" | "u16" | "u32" | "u64") => Type::UInt(name[1..].parse().unwrap()),
            (false, "f16") => Type::Float(FloatKind::F16),
            (false, "bf16") => Type::Float(FloatKind::BF16),
            (false, "f32") => Type::Float(FloatKind::F32),
            (false, "f64") => Type::Float(FloatKind::F64),
            (false, "index") => Type::Index,
            (false, "none") => Type::None,
            (false, "tuple") => {
                self.expect("<")?;
                Type::Tuple(self.type_list(">")?)
            }
            (true, "py.object") => Type::PyObject,
            (true, "str") => Type::Str,
            (true, "tensor") => {
                self.expect("<")?;
                let element = self.ty()?;
                self.expect(">")?;
                Type::Tensor(Box::new(element))
            }
            (true, "list") => {
                self.expect("<")?;
                let element = self.ty()?;
                self.expect(">")?;
                Type::List(Box::new(element))
            }
            (true, "dict") => {
                self.expect("<")?;
                let key = self.ty()?;
                self.expect(",")?;
                let value = self.ty()?;
                self.expect(">")?;
                Type::Dict(Box::new(key), Box::new(value))
            }
            (true, "struct") => {
                self.expect("<")?;
                self.skip_trivia();
                let name = self.symbol_name("a struct name")?;
                self.expect(">")?;
                Type::Struct(name)
            }
            (true, "mem.ref") => self.memref()?,
            (true, "rt.error") => Type::RtError,
            (true, "tensor.space") => Type::TensorSpace,
            (true, "ll.ptr") => Type::Ptr,
            _ => return Err(unknown()),
        };
        Ok(ty)
    }

    pub(super) fn memref(&mut self) -> Result<Type> {
        self.expect("<")?;
        let element = Box::new(self.ty()?);
        let mut shape = Vec::new();
        let mut strides = None;
        if self.eat(",") {
            if !self.peek("strides") {
                shape = self.dims()?;
            }
            if self.peek("strides") || (!shape.is_empty() && self.eat(",")) {
                self.expect("strides")?;
                strides = Some(self.dims()?);
            }
        }
        self.expect(">")?;
        Ok(Type::MemRef { element, shape, strides })
    }

    /// `?x4x?`
    pub(super) fn dims(&mut self) -> Result<Vec<Dim>> {
        self.skip_trivia();
        let mut dims = Vec::new();
        loop {
            if self.rest().starts_with('?') {
                self.position += 1;
                dims.push(Dim::Dynamic);
            } else {
                let digits =
                    self.rest().find(|c: char| !c.is_ascii_digit()).unwrap_or(self.rest().len());
                let size = self.rest()[..digits]
                    .parse()
                    .map_err(|_| self.error("expected a dimension: a size or `?`"))?;
                self.position += digits;
                dims.push(Dim::Static(size));
            }
            if self.rest().starts_with('x') {
                self.position += 1;
            } else {
                return Ok(dims);
            }
        }
    }
}

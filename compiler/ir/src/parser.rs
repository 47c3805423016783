//! The parser: the generic syntax of `printer.rs` back into a [`Module`].
//!
//! Hand-written recursive descent straight over the characters (the grammar is small and
//! shapes such as `?x4` are easier without a token layer). Errors carry `line:column`.
//! Names are scoped like the printer numbers them: one scope of values and blocks per
//! `IsolatedFromAbove` op. A value may be used before its definition (a block can be listed
//! before the block that dominates it): the use gets a placeholder, replaced when the
//! definition comes; a placeholder left at the end of its scope is an undefined value.

mod attributes;
mod types;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::attribute::Attribute;
use crate::dialect::{builtin, Registry, Trait};
use crate::entity::{BlockId, OpId, RegionId, ValueId};
use crate::module::{Location, Module, OpState, Successor};
use crate::types::Type;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses a module: exactly one top-level `builtin.module` op.
pub fn parse_module(text: &str, registry: &Registry) -> std::result::Result<Module, ParseError> {
    let mut parser = Parser {
        text,
        position: 0,
        registry,
        module: Module::new(),
        scopes: vec![Scope::default()],
        placeholder_block: None,
    };
    let placeholder_block = parser.module.create_block(&[]);
    parser.placeholder_block = Some(placeholder_block);
    parser.skip_trivia();
    let start = parser.position;
    let top = parser.op()?;
    parser.end_scope()?;
    parser.skip_trivia();
    if parser.position < text.len() {
        return Err(parser.error("expected the end of the text after the module"));
    }
    if !std::ptr::eq(parser.module.ops[top].definition, &builtin::MODULE) {
        return Err(parser.error_at(start, "expected a `builtin.module` at the top"));
    }
    parser.module.set_top(top);
    Ok(parser.module)
}

#[derive(Default)]
struct Scope {
    values: HashMap<String, ValueId>,
    /// Values used before their definition: the placeholder and where it was first used.
    forward: HashMap<String, (ValueId, usize)>,
    /// Blocks by name: whether their header was seen, and where they were first named.
    blocks: HashMap<String, (BlockId, bool, usize)>,
}

struct Parser<'t, 'r> {
    text: &'t str,
    position: usize,
    registry: &'r Registry,
    module: Module,
    scopes: Vec<Scope>,
    placeholder_block: Option<BlockId>,
}

type Result<T> = std::result::Result<T, ParseError>;

impl Parser<'_, '_> {
    // ---- characters ----

    fn error_at(&self, position: usize, message: impl Into<String>) -> ParseError {
        let before = &self.text[..position];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
        ParseError { line, column, message: message.into() }
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        self.error_at(self.position, message)
    }

    fn rest(&self) -> &str {
        &self.text[self.position..]
    }

    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.position += rest.len() - trimmed.len();
            if self.rest().starts_with("//") {
                self.position += self.rest().find('\n').unwrap_or(self.rest().len());
            } else {
                return;
            }
        }
    }

    /// Skips trivia, then says whether the text goes on with `token` (without consuming it).
    fn peek(&mut self, token: &str) -> bool {
        self.skip_trivia();
        self.rest().starts_with(token)
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.peek(token) {
            self.position += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<()> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(format!("expected `{token}`")))
        }
    }

    /// `[A-Za-z0-9_.$]+` right here (no trivia skipped).
    fn word(&mut self) -> &str {
        let start = self.position;
        let length = self
            .rest()
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '$'))
            .unwrap_or(self.rest().len());
        self.position += length;
        &self.text[start..start + length]
    }

    fn sigil_name(&mut self, sigil: &str, what: &str) -> Result<(String, usize)> {
        self.skip_trivia();
        let start = self.position;
        self.expect(sigil)?;
        let name = self.word().to_string();
        if name.is_empty() {
            return Err(self.error_at(start, format!("expected a {what} name after `{sigil}`")));
        }
        Ok((name, start))
    }

    fn comma_list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut items = vec![item(self)?];
        while self.eat(",") {
            items.push(item(self)?);
        }
        Ok(items)
    }

    // ---- names ----

    fn scope(&mut self) -> &mut Scope {
        self.scopes.last_mut().expect("the parser always has a scope")
    }

    fn use_value(&mut self, name: &str, position: usize, ty: &Type) -> Result<ValueId> {
        let existing = self.scope().values.get(name).copied();
        let value =
            match existing.or_else(|| self.scopes.last().unwrap().forward.get(name).map(|f| f.0)) {
                Some(value) => value,
                None => {
                    let block = self.placeholder_block.expect("set at the start");
                    let value = self.module.add_block_argument(block, ty.clone());
                    self.scope().forward.insert(name.to_string(), (value, position));
                    value
                }
            };
        let actual = self.module.value_type(value);
        if actual != ty {
            return Err(
                self.error_at(position, format!("%{name} has type {actual} but is used as {ty}"))
            );
        }
        Ok(value)
    }

    fn define_value(&mut self, name: &str, position: usize, value: ValueId) -> Result<()> {
        if self.scope().values.contains_key(name) {
            return Err(self.error_at(position, format!("redefinition of %{name}")));
        }
        if let Some((placeholder, _)) = self.scope().forward.remove(name) {
            let (used, defined) =
                (self.module.value_type(placeholder), self.module.value_type(value));
            if used != defined {
                return Err(self.error_at(
                    position,
                    format!("%{name} is defined as {defined} but was used as {used}"),
                ));
            }
            self.module.replace_all_uses(placeholder, value);
        }
        self.scope().values.insert(name.to_string(), value);
        Ok(())
    }

    fn block_named(&mut self, name: &str, position: usize) -> BlockId {
        if let Some(&(block, _, _)) = self.scope().blocks.get(name) {
            return block;
        }
        let block = self.module.create_block(&[]);
        self.scope().blocks.insert(name.to_string(), (block, false, position));
        block
    }

    fn end_scope(&mut self) -> Result<()> {
        let scope = self.scopes.pop().expect("scopes are balanced");
        if let Some((name, (_, position))) = scope.forward.iter().min_by_key(|(_, (_, p))| *p) {
            return Err(self.error_at(*position, format!("use of undefined value %{name}")));
        }
        if let Some((name, (_, _, position))) = scope
            .blocks
            .iter()
            .filter(|(_, (_, defined, _))| !defined)
            .min_by_key(|(_, (_, _, p))| *p)
        {
            return Err(self.error_at(*position, format!("use of undefined block ^{name}")));
        }
        Ok(())
    }

    // ---- ops ----

    fn op(&mut self) -> Result<OpId> {
        let results = if self.peek("%") {
            let results = self.comma_list(|p| p.sigil_name("%", "value"))?;
            self.expect("=")?;
            results
        } else {
            Vec::new()
        };
        self.skip_trivia();
        let name_position = self.position;
        let name = self.word().to_string();
        let Some(definition) = self.registry.get(&name) else {
            return Err(self.error_at(name_position, format!("unknown op `{name}`")));
        };
        let operands = self.operand_names()?;
        let mut successors = Vec::new();
        if self.eat("[") {
            successors = self.comma_list(Self::successor)?;
            self.expect("]")?;
        }
        let attributes = if self.peek("{") { self.dict()? } else { BTreeMap::new() };
        let mut regions = Vec::new();
        if self.eat("(") {
            let isolated = definition.has_trait(Trait::IsolatedFromAbove);
            if isolated {
                self.scopes.push(Scope::default());
            }
            regions = self.comma_list(Self::region)?;
            if isolated {
                self.end_scope()?;
            }
            self.expect(")")?;
        }
        let (operand_types, result_types) = if self.eat(":") {
            let signature_position = self.position;
            match self.ty()? {
                Type::Function { inputs, results: outputs } => {
                    if inputs.len() != operands.len() || outputs.len() != results.len() {
                        return Err(self.error_at(signature_position, format!(
                            "the signature has {} operand and {} result types for {} operands and {} results",
                            inputs.len(), outputs.len(), operands.len(), results.len()
                        )));
                    }
                    (inputs, outputs)
                }
                uniform => (vec![uniform.clone(); operands.len()], vec![uniform; results.len()]),
            }
        } else if operands.is_empty() && results.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            return Err(self.error("expected `:` and the op's types"));
        };
        let location = if self.peek("loc(") { Some(self.location()?) } else { None };
        let mut operand_values = Vec::new();
        for ((operand, position), ty) in operands.iter().zip(&operand_types) {
            operand_values.push(self.use_value(operand, *position, ty)?);
        }
        let mut state = OpState::new(definition)
            .operands(&operand_values)
            .results(&result_types)
            .location(location);
        state.attributes = attributes;
        state.regions = regions;
        state.successors = successors;
        let op = self.module.create_op(state);
        for (index, (result, position)) in results.iter().enumerate() {
            let value = self.module.result(op, index);
            self.define_value(result, *position, value)?;
        }
        Ok(op)
    }

    /// The operand names after an op's name. An op without operands or types (`gpu.barrier`)
    /// may be followed by the next op's results (`%0 = ...`): names followed by `=` are those,
    /// left for the next op.
    fn operand_names(&mut self) -> Result<Vec<(String, usize)>> {
        if !self.peek("%") {
            return Ok(Vec::new());
        }
        let start = self.position;
        let names = self.comma_list(|p| p.sigil_name("%", "value"))?;
        if self.peek("=") {
            self.position = start;
            return Ok(Vec::new());
        }
        Ok(names)
    }

    fn successor(&mut self) -> Result<Successor> {
        let (name, position) = self.sigil_name("^", "block")?;
        let block = self.block_named(&name, position);
        let mut arguments = Vec::new();
        if self.eat("(") {
            arguments = self.comma_list(|p| {
                let (value, position) = p.sigil_name("%", "value")?;
                p.expect(":")?;
                let ty = p.ty()?;
                p.use_value(&value, position, &ty)
            })?;
            self.expect(")")?;
        }
        Ok(Successor { block, arguments })
    }

    fn region(&mut self) -> Result<RegionId> {
        self.expect("{")?;
        let region = self.module.create_region();
        if !self.peek("^") && !self.peek("}") {
            // An entry block without a header.
            let block = self.module.append_block(region, &[]);
            self.block_ops(block)?;
        }
        while self.peek("^") {
            let (name, position) = self.sigil_name("^", "block")?;
            let block = self.block_named(&name, position);
            let entry = self.scope().blocks.get_mut(&name).expect("just named");
            if entry.1 {
                return Err(self.error_at(position, format!("redefinition of ^{name}")));
            }
            entry.1 = true;
            self.module.blocks[block].parent = Some(region);
            self.module.regions[region].blocks.push(block);
            if self.eat("(") {
                self.comma_list(|p| {
                    let (value, position) = p.sigil_name("%", "value")?;
                    p.expect(":")?;
                    let ty = p.ty()?;
                    let argument = p.module.add_block_argument(block, ty);
                    p.define_value(&value, position, argument)
                })?;
                self.expect(")")?;
            }
            self.expect(":")?;
            self.block_ops(block)?;
        }
        self.expect("}")?;
        Ok(region)
    }

    fn block_ops(&mut self, block: BlockId) -> Result<()> {
        while !self.peek("^") && !self.peek("}") {
            if self.rest().is_empty() {
                return Err(self.error("expected `}` to close the region"));
            }
            let op = self.op()?;
            self.module.append_op(block, op);
        }
        Ok(())
    }

    fn location(&mut self) -> Result<Location> {
        self.expect("loc(")?;
        self.skip_trivia();
        let Attribute::String(file) = self.string()? else { unreachable!() };
        self.expect(":")?;
        let line = self.unsigned()? as u32;
        self.expect(":")?;
        let column = self.unsigned()? as u32;
        self.expect(")")?;
        Ok(Location { file, line, column })
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.skip_trivia();
        let digits = self.rest().find(|c: char| !c.is_ascii_digit()).unwrap_or(self.rest().len());
        let value = self.rest()[..digits].parse().map_err(|_| self.error("expected a number"))?;
        self.position += digits;
        Ok(value)
    }
}

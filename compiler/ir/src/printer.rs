//! The printer: one generic syntax for every op (see `docs/ir.md`).
//!
//! Values and blocks get names in printing order, `%0, %1, ...` and `^bb0, ^bb1, ...`,
//! numbered afresh inside each `IsolatedFromAbove` op (each function starts at `%0`). Names
//! are assigned for a whole isolated op before any of it is printed, so a use printed before
//! its definition (a block listed before the block that dominates it) still has its name.

use std::collections::HashMap;
use std::fmt::Write;

use crate::attribute::{write_dict, Attribute};
use crate::dialect::Trait;
use crate::entity::{BlockId, OpId, ValueId};
use crate::module::Module;
use crate::types::Type;

/// The text of the module, starting at its top `builtin.module`.
pub fn print_module(module: &Module) -> String {
    print_op(module, module.top())
}

/// The text of one op and everything nested in it.
pub fn print_op(module: &Module, op: OpId) -> String {
    let mut printer =
        Printer { module, out: String::new(), values: HashMap::new(), blocks: HashMap::new() };
    printer.number_results(op);
    if !module.ops[op].definition.has_trait(Trait::IsolatedFromAbove) {
        printer.number_regions(op);
    }
    printer.op(op, 0);
    printer.out
}

struct Printer<'m> {
    module: &'m Module,
    out: String,
    values: HashMap<ValueId, usize>,
    blocks: HashMap<BlockId, usize>,
}

impl Printer<'_> {
    fn number_results(&mut self, op: OpId) {
        for &value in &self.module.ops[op].results {
            let next = self.values.len();
            self.values.insert(value, next);
        }
    }

    /// Names every block and value inside `op`'s regions, down to (not into) isolated ops.
    fn number_regions(&mut self, op: OpId) {
        for &region in &self.module.ops[op].regions {
            for &block in &self.module.regions[region].blocks {
                let next = self.blocks.len();
                self.blocks.insert(block, next);
                for &argument in &self.module.blocks[block].arguments {
                    let next = self.values.len();
                    self.values.insert(argument, next);
                }
                for &nested in &self.module.blocks[block].ops {
                    self.number_results(nested);
                    if !self.module.ops[nested].definition.has_trait(Trait::IsolatedFromAbove) {
                        self.number_regions(nested);
                    }
                }
            }
        }
    }

    fn value(&mut self, value: ValueId) {
        match self.values.get(&value) {
            Some(number) => write!(self.out, "%{number}").unwrap(),
            // Not visible from here (invalid IR): a name the parser will reject as undefined.
            None => write!(self.out, "%_invalid{}", value.index_for_printing()).unwrap(),
        }
    }

    fn block(&mut self, block: BlockId) {
        match self.blocks.get(&block) {
            Some(number) => write!(self.out, "^bb{number}").unwrap(),
            None => write!(self.out, "^_invalid{}", block.index_for_printing()).unwrap(),
        }
    }

    fn typed_values(&mut self, values: &[ValueId]) {
        for (index, &value) in values.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            self.value(value);
            write!(self.out, ": {}", self.module.value_type(value)).unwrap();
        }
    }

    fn op(&mut self, op: OpId, indent: usize) {
        let module = self.module;
        let data = &module.ops[op];
        self.out.push_str(&" ".repeat(indent));
        if !data.results.is_empty() {
            for (index, &result) in data.results.iter().enumerate() {
                if index > 0 {
                    self.out.push_str(", ");
                }
                self.value(result);
            }
            self.out.push_str(" = ");
        }
        self.out.push_str(data.name());
        for (index, &operand) in data.operands.iter().enumerate() {
            self.out.push_str(if index == 0 { " " } else { ", " });
            self.value(operand);
        }
        if !data.successors.is_empty() {
            self.out.push_str(" [");
            for (index, successor) in data.successors.iter().enumerate() {
                if index > 0 {
                    self.out.push_str(", ");
                }
                self.block(successor.block);
                if !successor.arguments.is_empty() {
                    self.out.push('(');
                    self.typed_values(&successor.arguments);
                    self.out.push(')');
                }
            }
            self.out.push(']');
        }
        if !data.attributes.is_empty() {
            self.out.push(' ');
            write!(self.out, "{}", DictDisplay(&data.attributes)).unwrap();
        }
        if !data.regions.is_empty() {
            let saved = if data.definition.has_trait(Trait::IsolatedFromAbove) {
                Some((std::mem::take(&mut self.values), std::mem::take(&mut self.blocks)))
            } else {
                None
            };
            if saved.is_some() {
                self.number_regions(op);
            }
            self.out.push_str(" (");
            for (index, &region) in data.regions.iter().enumerate() {
                if index > 0 {
                    self.out.push_str(", ");
                }
                self.out.push_str("{\n");
                for &block in &module.regions[region].blocks {
                    self.out.push_str(&" ".repeat(indent));
                    self.block(block);
                    if !module.blocks[block].arguments.is_empty() {
                        self.out.push('(');
                        self.typed_values(&module.blocks[block].arguments);
                        self.out.push(')');
                    }
                    self.out.push_str(":\n");
                    for &nested in &module.blocks[block].ops {
                        self.op(nested, indent + 2);
                    }
                }
                self.out.push_str(&" ".repeat(indent));
                self.out.push('}');
            }
            self.out.push(')');
            if let Some((values, blocks)) = saved {
                self.values = values;
                self.blocks = blocks;
            }
        }
        let operand_types: Vec<&Type> =
            data.operands.iter().map(|&v| module.value_type(v)).collect();
        let result_types: Vec<&Type> = data.results.iter().map(|&v| module.value_type(v)).collect();
        if let Some(&first) = operand_types.first().or(result_types.first()) {
            let uniform = !matches!(first, Type::Function { .. })
                && operand_types.iter().chain(&result_types).all(|&t| t == first);
            if uniform {
                write!(self.out, " : {first}").unwrap();
            } else {
                let signature = Type::function(
                    operand_types.into_iter().cloned().collect(),
                    result_types.into_iter().cloned().collect(),
                );
                write!(self.out, " : {signature}").unwrap();
            }
        }
        if let Some(location) = &data.location {
            self.out.push_str(" loc(");
            write!(self.out, "{}", Attribute::String(location.file.clone())).unwrap();
            write!(self.out, ":{}:{})", location.line, location.column).unwrap();
        }
        self.out.push('\n');
    }
}

struct DictDisplay<'a>(&'a std::collections::BTreeMap<String, Attribute>);

impl std::fmt::Display for DictDisplay<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_dict(f, self.0)
    }
}

trait IndexForPrinting {
    fn index_for_printing(self) -> usize;
}

impl<T: crate::entity::EntityId> IndexForPrinting for T {
    fn index_for_printing(self) -> usize {
        self.index()
    }
}

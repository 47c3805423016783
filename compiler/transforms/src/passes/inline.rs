//! `inline`: replaces calls to small functions by a copy of their body.
//!
//! A callee is inlined when:
//! - it is a `func.func` with a body (not a declaration, no `extern`);
//! - its body is one block ending in `func.return`, and no other `func.return` is nested in
//!   it (an early return inside an `scf.if` would return from the caller once copied);
//!   multi-block bodies (after `scf-to-cf`) are left alone, which costs nothing in the
//!   default pipeline, where `inline` runs before `scf-to-cf`;
//! - it has at most [`INLINE_THRESHOLD`] ops, counting nested ones but not the return;
//! - it is not recursive: it is in no cycle of the call graph (itself included).
//!
//! Functions are processed callees first (Tarjan's strongly connected components come out
//! in that order), so a callee's own calls are already inlined when it is copied and its
//! size is measured after that. The copy's ops keep their locations; the call's results
//! become the values returned; the callee's `mem.alloca` slots go to the start of the
//! caller's entry block. Callees are kept, even when no call is left.

use std::collections::HashMap;

use mlc_ir::dialect::func;
use mlc_ir::{BlockId, Module, OpId};

use crate::pass_manager::Pass;
use crate::rewrite::{
    compact_blocks, function_bodies, insert_ops_at, insert_ops_before, mark_erased, ops_within,
    terminator, Cloner, Substitution,
};

/// The most ops (nested ones included, the final `func.return` not) a callee may have.
pub const INLINE_THRESHOLD: usize = 32;

pub struct Inline;

impl Pass for Inline {
    fn name(&self) -> &'static str {
        "inline"
    }

    fn description(&self) -> &'static str {
        "inlines calls to small non-recursive single-block functions"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        let functions = function_bodies(module);
        let graph = CallGraph::new(module, &functions);
        for component in graph.components() {
            for index in component {
                inline_calls_in(module, graph.functions[index], |module, callee| {
                    let recursive = graph.index.get(&callee).is_some_and(|&i| graph.in_cycle[i]);
                    !recursive && is_inlinable(module, callee)
                });
            }
        }
        Ok(())
    }
}

/// Inlines every call in `caller` whose callee `accept`s.
fn inline_calls_in(module: &mut Module, caller: OpId, accept: impl Fn(&Module, OpId) -> bool) {
    let mut substitution = Substitution::new();
    for call in ops_within(module, caller) {
        if module.ops[call].erased || module.ops[call].name() != "func.call" {
            continue;
        }
        let Some(callee) = func::callee(module, call) else {
            continue;
        };
        if callee == caller || !accept(module, callee) {
            continue;
        }
        substitution.apply_to_op(module, call);
        inline_call(module, call, callee, &mut substitution);
    }
    substitution.apply_within(module, caller);
    compact_blocks(module, caller);
}

/// Whether `callee` may be copied into a caller (recursion aside).
fn is_inlinable(module: &Module, callee: OpId) -> bool {
    let data = &module.ops[callee];
    if data.name() != "func.func" || data.attributes.contains_key("extern") {
        return false;
    }
    let blocks = &module.regions[data.regions[0]].blocks;
    let [body] = blocks.as_slice() else {
        return false;
    };
    let Some(exit) = terminator(module, *body) else {
        return false;
    };
    if module.ops[exit].name() != "func.return" {
        return false;
    }
    let nested = ops_within(module, callee);
    // The function itself and its final return are not counted.
    let size = nested.len() - 2;
    let other_returns =
        nested.iter().filter(|&&op| op != exit && module.ops[op].name() == "func.return").count();
    size <= INLINE_THRESHOLD && other_returns == 0
}

/// Copies `callee`'s body before `call`, then erases the call.
fn inline_call(module: &mut Module, call: OpId, callee: OpId, substitution: &mut Substitution) {
    let body = module.regions[module.ops[callee].regions[0]].blocks[0];
    let parameters = module.blocks[body].arguments.clone();
    let arguments = module.ops[call].operands.clone();
    let mut cloner = Cloner::new(parameters.into_iter().zip(arguments).collect());
    let ops = module.blocks[body].ops.clone();
    let (exit, copied) = ops.split_last().expect("an inlinable body ends in func.return");
    let caller_entry = caller_entry_block(module, call);
    let mut body_copies = Vec::new();
    let mut slots = Vec::new();
    for &op in copied {
        let copy = cloner.clone_op(module, op);
        // A stack slot goes to the caller's entry, allocated once even when the call is
        // in a loop (where lowering puts its own slots).
        if caller_entry.is_some() && module.ops[copy].name() == "mem.alloca" {
            slots.push(copy);
        } else {
            body_copies.push(copy);
        }
    }
    insert_ops_before(module, call, body_copies);
    if let Some(entry) = caller_entry {
        insert_ops_at(module, entry, 0, slots);
    }
    let returned: Vec<_> = module.ops[*exit]
        .operands
        .iter()
        .map(|value| cloner.values.get(value).copied().unwrap_or(*value))
        .collect();
    substitution.replace_results(module, call, &returned);
    mark_erased(module, call);
}

/// The entry block of the function holding `op`.
fn caller_entry_block(module: &Module, mut op: OpId) -> Option<BlockId> {
    while let Some(parent) = module.parent_op(op) {
        if matches!(module.ops[parent].name(), "func.func" | "gpu.func") {
            return module.regions[module.ops[parent].regions[0]].blocks.first().copied();
        }
        op = parent;
    }
    None
}

/// Direct calls between the module's functions.
struct CallGraph {
    functions: Vec<OpId>,
    index: HashMap<OpId, usize>,
    /// For each function, the functions it calls.
    callees: Vec<Vec<OpId>>,
    /// For each function, whether it is in a cycle (filled by `components`).
    in_cycle: Vec<bool>,
}

impl CallGraph {
    fn new(module: &Module, functions: &[OpId]) -> CallGraph {
        let index = functions.iter().enumerate().map(|(i, &f)| (f, i)).collect();
        let callees = functions
            .iter()
            .map(|&function| {
                ops_within(module, function)
                    .into_iter()
                    .filter(|&op| module.ops[op].name() == "func.call")
                    .filter_map(|call| func::callee(module, call))
                    .collect()
            })
            .collect();
        let mut graph =
            CallGraph { functions: functions.to_vec(), index, callees, in_cycle: Vec::new() };
        let components = graph.components();
        graph.in_cycle = vec![false; functions.len()];
        for component in components {
            let cyclic = component.len() > 1
                || graph.callees[component[0]].contains(&graph.functions[component[0]]);
            for index in component {
                graph.in_cycle[index] = cyclic;
            }
        }
        graph
    }

    /// Strongly connected components (Tarjan), callees before callers.
    fn components(&self) -> Vec<Vec<usize>> {
        let mut tarjan = Tarjan {
            graph: self,
            next_index: 0,
            indices: vec![None; self.functions.len()],
            low: vec![0; self.functions.len()],
            stack: Vec::new(),
            on_stack: vec![false; self.functions.len()],
            components: Vec::new(),
        };
        for node in 0..self.functions.len() {
            if tarjan.indices[node].is_none() {
                tarjan.visit(node);
            }
        }
        tarjan.components
    }
}

struct Tarjan<'g> {
    graph: &'g CallGraph,
    next_index: usize,
    indices: Vec<Option<usize>>,
    low: Vec<usize>,
    stack: Vec<usize>,
    on_stack: Vec<bool>,
    components: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    fn visit(&mut self, node: usize) {
        self.indices[node] = Some(self.next_index);
        self.low[node] = self.next_index;
        self.next_index += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
        for callee in &self.graph.callees[node] {
            let Some(&next) = self.graph.index.get(callee) else {
                continue;
            };
            match self.indices[next] {
                None => {
                    self.visit(next);
                    self.low[node] = self.low[node].min(self.low[next]);
                }
                Some(index) if self.on_stack[next] => {
                    self.low[node] = self.low[node].min(index);
                }
                Some(_) => {}
            }
        }
        if Some(self.low[node]) == self.indices[node] {
            let mut component = Vec::new();
            while let Some(member) = self.stack.pop() {
                self.on_stack[member] = false;
                component.push(member);
                if member == node {
                    break;
                }
            }
            self.components.push(component);
        }
    }
}

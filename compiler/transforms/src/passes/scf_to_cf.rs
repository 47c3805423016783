//! `scf-to-cf`: structured control flow to blocks and branches.
//!
//! Each `scf.if`/`scf.for`/`scf.while` in a function's body is replaced in place: its block
//! is split after it (the continuation block takes the op's results as arguments), its
//! regions' blocks move into the function's region between the two halves, and their
//! terminators become branches:
//!
//! ```text
//! scf.if %c          cf.cond_br %c, ^then, ^else (^continue when there is no else)
//!   scf.yield %v     cf.br ^continue(%v)
//! scf.for            cf.br ^header(%lb, %init...)
//!                    ^header(%iv, %carried...): cf.cond_br %in_range, ^body(%iv, %carried...), ^continue(%carried...)
//!   scf.yield %v     cf.br ^latch(%v...)
//!                    ^latch(%next...): %iv' = arith.addi %iv, %step; cf.br ^header(%iv', %next...)
//! scf.while          cf.br ^before(%init...)
//!   scf.condition    cf.cond_br %c, ^after(%v...), ^continue(%v...)
//!   scf.yield %v     cf.br ^before(%v...)
//! scf.break %v       cf.br ^continue(%v...) of the innermost loop
//! scf.continue %v    cf.br ^latch(%v...) (for), cf.br ^before(%v...) (while)
//! ```
//!
//! `scf.for` keeps Python's `range` semantics: `%in_range` is `iv < ub` for a positive step
//! and `iv > ub` for a negative one; a step that is not a constant is tested once, before
//! the loop, and the header selects between the two comparisons (`uN` loops only count up).
//! `iv + step` wraps: a range ending within one step of the type's maximum (or minimum) does
//! not stop. A zero step is the front end's to reject (a panic before the loop).
//!
//! Other early exits (`func.return`, `rt.raise`, `rt.panic`, `cf.unreachable`) already end
//! their block and stay as they are. `rt.try` keeps its two regions: the `scf` inside each is
//! lowered there, as in a function body, and the `scf.yield` ending them stays. A
//! `scf.break`/`scf.continue` in a `rt.try` whose loop is outside it cannot branch out of the
//! region: see [`try_exits`]. Regions of other ops (`tensor.map`, ...) are left alone.
//!
//! The blocks no path reaches (the continuation of an `scf.if` whose branches both exit)
//! are erased, and straight-line chains merged (`canonicalize/blocks.rs`), so the result
//! has one block per real join or loop header.

mod try_exits;

use mlc_ir::dialect::{arith, cf};
use mlc_ir::{Attribute, BlockId, Location, Module, OpId, OpState, RegionId, Type, ValueId};

use crate::constants::integer_constant;
use crate::pass_manager::Pass;
use crate::passes::canonicalize::blocks::simplify_blocks;
use crate::passes::dce::remove_unreachable_blocks;
use crate::rewrite::{
    append_new_op, function_bodies, insert_op_before, move_block_before, new_block_after,
    new_block_before, terminator, Substitution,
};

pub struct ScfToCf;

impl Pass for ScfToCf {
    fn name(&self) -> &'static str {
        "scf-to-cf"
    }

    fn description(&self) -> &'static str {
        "lowers scf.if/for/while and their early exits to blocks with cf.br and cf.cond_br"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            let region = module.ops[function].regions[0];
            let entry = module.regions[region].blocks[0];
            let mut lowering = Lowering { substitution: Substitution::new(), entry };
            lowering.region(module, region, &Context::keeping_yields());
            lowering.substitution.apply_within(module, function);
            remove_unreachable_blocks(module, function);
            simplify_blocks(module, function);
        }
        Ok(())
    }
}

/// What the terminators of the block being lowered mean.
#[derive(Clone, Copy)]
enum Exit {
    /// A function's or a `rt.try` region's block: `scf.yield` stays (it ends the `rt.try`).
    KeepYield,
    /// A block of an `scf.if`: `scf.yield` goes to the continuation.
    If { continuation: BlockId },
    /// A block of an `scf.for` body: `scf.yield` goes to the latch.
    ForBody { latch: BlockId },
    /// A block of a while's `before` region: `scf.condition` chooses `after` or the exit.
    WhileBefore { after: BlockId, exit: BlockId },
    /// A block of a while's `after` region: `scf.yield` goes back to `before`.
    WhileAfter { before: BlockId },
}

/// Where the exits of the loop `scf.break`/`scf.continue` leave go.
#[derive(Clone, Copy)]
struct LoopTargets {
    break_to: BlockId,
    continue_to: BlockId,
}

#[derive(Clone)]
struct Context {
    exit: Exit,
    /// The loops lowered around this block, innermost last (empty in a `rt.try` region:
    /// its exits are dispatched after the `rt.try`).
    loops: Vec<LoopTargets>,
}

impl Context {
    fn keeping_yields() -> Context {
        Context { exit: Exit::KeepYield, loops: Vec::new() }
    }

    fn nested(&self, exit: Exit) -> Context {
        Context { exit, loops: self.loops.clone() }
    }

    fn in_loop(&self, exit: Exit, targets: LoopTargets) -> Context {
        let mut loops = self.loops.clone();
        loops.push(targets);
        Context { exit, loops }
    }
}

struct Lowering {
    substitution: Substitution,
    /// The function's entry block, where `try_exits` puts its stack slots.
    entry: BlockId,
}

impl Lowering {
    /// Lowers every block of `region` (a function body or a `rt.try` region).
    fn region(&mut self, module: &mut Module, region: RegionId, context: &Context) {
        for block in module.regions[region].blocks.clone() {
            self.block(module, block, context);
        }
    }

    /// Lowers the structured ops of `block` in order: the ops before each one stay, the
    /// ones after it go to a new continuation block (each op moves once). Then the
    /// terminator of the last piece becomes a branch as `context` says.
    fn block(&mut self, module: &mut Module, block: BlockId, context: &Context) {
        let ops = std::mem::take(&mut module.blocks[block].ops);
        let mut current = block;
        for op in ops {
            let name = module.ops[op].name();
            if matches!(name, "scf.if" | "scf.for" | "scf.while") {
                module.ops[op].parent = None;
                let result_types: Vec<Type> =
                    module.ops[op].results.iter().map(|&v| module.value_type(v).clone()).collect();
                let continuation = new_block_after(module, current, &result_types);
                let arguments = module.blocks[continuation].arguments.clone();
                self.substitution.replace_results(module, op, &arguments);
                match name {
                    "scf.if" => self.lower_if(module, op, current, continuation, context),
                    "scf.for" => self.lower_for(module, op, current, continuation, context),
                    _ => self.lower_while(module, op, current, continuation, context),
                }
                module.erase_op(op);
                current = continuation;
                continue;
            }
            module.ops[op].parent = Some(current);
            module.blocks[current].ops.push(op);
            if name == "rt.try" {
                if let Some(continuation) = self.lower_try(module, op, current, context) {
                    current = continuation;
                }
            }
        }
        self.rewrite_terminator(module, current, context);
    }

    /// Replaces the structured terminator of `block` by the branch `context` gives it.
    fn rewrite_terminator(&mut self, module: &mut Module, block: BlockId, context: &Context) {
        let Some(exit) = terminator(module, block) else {
            return;
        };
        let values: Vec<ValueId> =
            module.ops[exit].operands.iter().map(|&v| self.substitution.resolve(v)).collect();
        let location = module.ops[exit].location.clone();
        let innermost_loop = context.loops.last().copied();
        let state = match (module.ops[exit].name(), context.exit) {
            ("scf.yield", Exit::If { continuation }) => branch(continuation, &values),
            ("scf.yield", Exit::ForBody { latch }) => branch(latch, &values),
            ("scf.yield", Exit::WhileAfter { before }) => branch(before, &values),
            ("scf.condition", Exit::WhileBefore { after, exit }) => OpState::new(&cf::COND_BR)
                .operands(&values[..1])
                .successor(after, &values[1..])
                .successor(exit, &values[1..]),
            ("scf.break", _) => match innermost_loop {
                Some(targets) => branch(targets.break_to, &values),
                None => return,
            },
            ("scf.continue", _) => match innermost_loop {
                Some(targets) => branch(targets.continue_to, &values),
                None => return,
            },
            _ => return,
        };
        insert_op_before(module, exit, state.location(location));
        module.erase_op(exit);
    }

    fn lower_if(
        &mut self,
        module: &mut Module,
        op: OpId,
        current: BlockId,
        continuation: BlockId,
        context: &Context,
    ) {
        let condition = module.ops[op].operands[0];
        let location = module.ops[op].location.clone();
        let then_blocks = move_region_before(module, module.ops[op].regions[0], continuation);
        let else_blocks = move_region_before(module, module.ops[op].regions[1], continuation);
        let else_target = else_blocks.first().copied().unwrap_or(continuation);
        append_new_op(
            module,
            current,
            OpState::new(&cf::COND_BR)
                .operands(&[condition])
                .successor(then_blocks[0], &[])
                .successor(else_target, &[])
                .location(location),
        );
        let inner = context.nested(Exit::If { continuation });
        for block in then_blocks.into_iter().chain(else_blocks) {
            self.block(module, block, &inner);
        }
    }

    fn lower_for(
        &mut self,
        module: &mut Module,
        op: OpId,
        current: BlockId,
        continuation: BlockId,
        context: &Context,
    ) {
        let operands = module.ops[op].operands.clone();
        let (lower, upper, step, initial) = (operands[0], operands[1], operands[2], &operands[3..]);
        let location = module.ops[op].location.clone();
        let counter_type = module.value_type(lower).clone();
        let carried_types: Vec<Type> =
            initial.iter().map(|&v| module.value_type(v).clone()).collect();
        let mut header_types = vec![counter_type.clone()];
        header_types.extend(carried_types.iter().cloned());

        let header = new_block_before(module, continuation, &header_types);
        let body_blocks = move_region_before(module, module.ops[op].regions[0], continuation);
        let body = body_blocks[0];
        let latch = new_block_before(module, continuation, &carried_types);

        // Before the loop: which way it counts, when the step is not a constant.
        let direction = match (integer_constant(module, step), &counter_type) {
            (_, Type::UInt(_)) => Direction::Up,
            (Some(step), _) if step < 0 => Direction::Down,
            (Some(_), _) => Direction::Up,
            (None, _) => {
                let zero = append_constant(module, current, 0, &counter_type, &location);
                let positive = append_compare(module, current, "sgt", step, zero, &location);
                Direction::Runtime { positive }
            }
        };
        let mut entry_arguments = vec![lower];
        entry_arguments.extend_from_slice(initial);
        append_new_op(module, current, branch(header, &entry_arguments).location(location.clone()));

        // The header: is the counter still in range?
        let counter = module.blocks[header].arguments[0];
        let carried = module.blocks[header].arguments[1..].to_vec();
        let in_range = match direction {
            Direction::Up => {
                let predicate = if matches!(counter_type, Type::UInt(_)) { "ult" } else { "slt" };
                append_compare(module, header, predicate, counter, upper, &location)
            }
            Direction::Down => append_compare(module, header, "sgt", counter, upper, &location),
            Direction::Runtime { positive } => {
                let below = append_compare(module, header, "slt", counter, upper, &location);
                let above = append_compare(module, header, "sgt", counter, upper, &location);
                let state = OpState::new(&arith::SELECT)
                    .operands(&[positive, below, above])
                    .results(&[Type::I1])
                    .location(location.clone());
                let select = append_new_op(module, header, state);
                module.ops[select].results[0]
            }
        };
        let mut body_arguments = vec![counter];
        body_arguments.extend_from_slice(&carried);
        append_new_op(
            module,
            header,
            OpState::new(&cf::COND_BR)
                .operands(&[in_range])
                .successor(body, &body_arguments)
                .successor(continuation, &carried)
                .location(location.clone()),
        );

        // The latch: the next counter, back to the header.
        let body_counter = module.blocks[body].arguments[0];
        let next = append_new_op(
            module,
            latch,
            OpState::new(&arith::ADDI)
                .operands(&[body_counter, step])
                .results(&[counter_type])
                .location(location.clone()),
        );
        let mut back_arguments = vec![module.ops[next].results[0]];
        back_arguments.extend(module.blocks[latch].arguments.iter().copied());
        append_new_op(module, latch, branch(header, &back_arguments).location(location));

        let targets = LoopTargets { break_to: continuation, continue_to: latch };
        let inner = context.in_loop(Exit::ForBody { latch }, targets);
        for block in body_blocks {
            self.block(module, block, &inner);
        }
    }

    fn lower_while(
        &mut self,
        module: &mut Module,
        op: OpId,
        current: BlockId,
        continuation: BlockId,
        context: &Context,
    ) {
        let initial = module.ops[op].operands.clone();
        let location = module.ops[op].location.clone();
        let before_blocks = move_region_before(module, module.ops[op].regions[0], continuation);
        let after_blocks = move_region_before(module, module.ops[op].regions[1], continuation);
        let (before, after) = (before_blocks[0], after_blocks[0]);
        append_new_op(module, current, branch(before, &initial).location(location));
        let targets = LoopTargets { break_to: continuation, continue_to: before };
        let before_context =
            context.in_loop(Exit::WhileBefore { after, exit: continuation }, targets);
        for block in before_blocks {
            self.block(module, block, &before_context);
        }
        let after_context = context.in_loop(Exit::WhileAfter { before }, targets);
        for block in after_blocks {
            self.block(module, block, &after_context);
        }
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Up,
    Down,
    Runtime { positive: ValueId },
}

fn branch(target: BlockId, arguments: &[ValueId]) -> OpState {
    OpState::new(&cf::BR).successor(target, arguments)
}

/// Moves the blocks of `region` before `anchor`, in order; returns them.
fn move_region_before(module: &mut Module, region: RegionId, anchor: BlockId) -> Vec<BlockId> {
    let blocks = module.regions[region].blocks.clone();
    for &block in &blocks {
        move_block_before(module, block, anchor);
    }
    blocks
}

fn append_constant(
    module: &mut Module,
    block: BlockId,
    value: i128,
    ty: &Type,
    location: &Option<Location>,
) -> ValueId {
    let state = OpState::new(&arith::CONSTANT)
        .attribute("value", Attribute::integer(value, ty.clone()))
        .results(std::slice::from_ref(ty))
        .location(location.clone());
    let op = append_new_op(module, block, state);
    module.ops[op].results[0]
}

fn append_compare(
    module: &mut Module,
    block: BlockId,
    predicate: &str,
    lhs: ValueId,
    rhs: ValueId,
    location: &Option<Location>,
) -> ValueId {
    let state = OpState::new(&arith::CMPI)
        .operands(&[lhs, rhs])
        .attribute("predicate", Attribute::String(predicate.to_string()))
        .results(&[Type::I1])
        .location(location.clone());
    let op = append_new_op(module, block, state);
    module.ops[op].results[0]
}

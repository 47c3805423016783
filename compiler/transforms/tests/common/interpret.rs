//! A small interpreter for differential tests: runs a function of a module on constant
//! arguments, in structured form (`scf`) or not (`cf`), so a test can check that a pass
//! leaves what a function computes unchanged.
//!
//! It knows `arith` and `math` (through `fold::evaluate`, the folder's own arithmetic: what
//! it refuses traps when the op may trap, a division by zero or a checked overflow, and is
//! unsupported otherwise, a conversion out of range say), `scf`, `cf`,
//! `func.call`/`func.return`, rank-0 `mem.alloca`/`load`/`store` and `rt.panic`,
//! `rt.panic_if`, `rt.assert`. Anything else is unsupported: the caller skips the function.
#![allow(dead_code)]

use std::collections::HashMap;

use mlc_ir::dialect::func;
use mlc_ir::{Attribute, BlockId, Module, OpId, RegionId, Type, ValueId};
use mlc_transforms::constants::IntegerType;
use mlc_transforms::effects::may_trap;
use mlc_transforms::passes::canonicalize::fold::evaluate;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Constant(Attribute),
    Slot(usize),
    Text(String),
    /// A raised `!rt.error`: its message.
    Error(String),
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Returned(Vec<Value>),
    /// A panic or an arithmetic trap: the message says which.
    Stopped(String),
    /// The step limit was reached (an infinite loop, or only a long one: inconclusive).
    TooLong,
    /// The call depth limit was reached (an infinite recursion, or only a deep one:
    /// inconclusive, since `tail-recursion-elim` makes recursion a loop without depth).
    TooDeep,
    /// The function uses something the interpreter does not know.
    Unsupported(String),
}

/// Ops executed before a run is stopped (an infinite loop).
const STEP_LIMIT: usize = 20_000;
/// Calls in progress before a run is stopped (an infinite recursion).
const DEPTH_LIMIT: usize = 64;

pub fn run(module: &Module, function: &str, arguments: &[Attribute]) -> Outcome {
    let Some(function) = func::lookup(module, function) else {
        return Outcome::Unsupported(format!("no function {function}"));
    };
    let mut machine = Machine { module, slots: Vec::new(), steps: 0, depth: 0 };
    let arguments = arguments.iter().cloned().map(Value::Constant).collect();
    match machine.call(function, arguments) {
        Ok(values) => Outcome::Returned(values),
        Err(Stop::Stopped(message)) => Outcome::Stopped(message),
        Err(Stop::TooLong) => Outcome::TooLong,
        Err(Stop::TooDeep) => Outcome::TooDeep,
        Err(Stop::Raised(error)) => Outcome::Stopped(format!("uncaught {error:?}")),
        Err(Stop::Unsupported(message)) => Outcome::Unsupported(message),
    }
}

enum Stop {
    Stopped(String),
    TooLong,
    TooDeep,
    /// An `rt.raise` on its way to the innermost `rt.try`.
    Raised(Value),
    Unsupported(String),
}

/// How a region was left.
enum Flow {
    Yield(Vec<Value>),
    Condition(bool, Vec<Value>),
    Break(Vec<Value>),
    Continue(Vec<Value>),
    Return(Vec<Value>),
}

/// What an op does to control.
enum Control {
    Next,
    Jump(BlockId, Vec<Value>),
    Leave(Flow),
}

struct Machine<'m> {
    module: &'m Module,
    slots: Vec<Option<Value>>,
    steps: usize,
    depth: usize,
}

type Environment = HashMap<ValueId, Value>;

impl Machine<'_> {
    fn call(&mut self, function: OpId, arguments: Vec<Value>) -> Result<Vec<Value>, Stop> {
        let region = self.module.ops[function].regions[0];
        if self.module.regions[region].blocks.is_empty() {
            return Err(Stop::Unsupported("a call to a declaration".to_string()));
        }
        if self.depth == DEPTH_LIMIT {
            return Err(Stop::TooDeep);
        }
        self.depth += 1;
        let mut environment = Environment::new();
        let flow = self.region(region, arguments, &mut environment);
        self.depth -= 1;
        match flow? {
            Flow::Return(values) => Ok(values),
            _ => Err(Stop::Unsupported("a function body left without func.return".to_string())),
        }
    }

    fn region(
        &mut self,
        region: RegionId,
        arguments: Vec<Value>,
        environment: &mut Environment,
    ) -> Result<Flow, Stop> {
        let module = self.module;
        let mut block = module.regions[region].blocks[0];
        let mut arguments = arguments;
        'blocks: loop {
            for (&parameter, value) in module.blocks[block].arguments.iter().zip(arguments) {
                environment.insert(parameter, value);
            }
            for &op in &module.blocks[block].ops {
                self.steps += 1;
                if self.steps > STEP_LIMIT {
                    return Err(Stop::TooLong);
                }
                match self.op(op, environment)? {
                    Control::Next => {}
                    Control::Jump(target, values) => {
                        block = target;
                        arguments = values;
                        continue 'blocks;
                    }
                    Control::Leave(flow) => return Ok(flow),
                }
            }
            return Err(Stop::Unsupported("a block without terminator".to_string()));
        }
    }

    fn op(&mut self, op: OpId, environment: &mut Environment) -> Result<Control, Stop> {
        let module = self.module;
        let data = &module.ops[op];
        let operands: Vec<Value> = data.operands.iter().map(|v| environment[v].clone()).collect();
        let define = |environment: &mut Environment, values: Vec<Value>| {
            for (&result, value) in data.results.iter().zip(values) {
                environment.insert(result, value);
            }
        };
        let name = data.name();
        match name {
            "arith.constant" => {
                define(environment, vec![Value::Constant(data.attributes["value"].clone())]);
            }
            "arith.select" => {
                let chosen = if truth(&operands[0]) { &operands[1] } else { &operands[2] };
                define(environment, vec![chosen.clone()]);
            }
            _ if name.starts_with("arith.") || name.starts_with("math.") => {
                let constants: Vec<&Attribute> = operands
                    .iter()
                    .map(|value| match value {
                        Value::Constant(constant) => Ok(constant),
                        _ => Err(Stop::Unsupported(format!("{name} of a handle or slot"))),
                    })
                    .collect::<Result<_, _>>()?;
                let result_type = module.value_type(data.results[0]);
                let Some(result) = evaluate(name, &data.attributes, &constants, result_type) else {
                    // What `evaluate` refuses either panics (a division by zero, a checked
                    // overflow: the op may trap) or is the back end's choice.
                    if may_trap(module, op) {
                        return Err(Stop::Stopped(format!("{name} traps")));
                    }
                    return Err(Stop::Unsupported(format!("{name} is not computed")));
                };
                define(environment, vec![Value::Constant(result)]);
            }
            "scf.yield" => return Ok(Control::Leave(Flow::Yield(operands))),
            "scf.condition" => {
                let condition = truth(&operands[0]);
                return Ok(Control::Leave(Flow::Condition(condition, operands[1..].to_vec())));
            }
            "scf.break" => return Ok(Control::Leave(Flow::Break(operands))),
            "scf.continue" => return Ok(Control::Leave(Flow::Continue(operands))),
            "func.return" => return Ok(Control::Leave(Flow::Return(operands))),
            "cf.br" => {
                let successor = &data.successors[0];
                return Ok(Control::Jump(
                    successor.block,
                    self.values(&successor.arguments, environment),
                ));
            }
            "cf.cond_br" => {
                let successor = &data.successors[if truth(&operands[0]) { 0 } else { 1 }];
                return Ok(Control::Jump(
                    successor.block,
                    self.values(&successor.arguments, environment),
                ));
            }
            "scf.if" => {
                let region = data.regions[if truth(&operands[0]) { 0 } else { 1 }];
                if module.regions[region].blocks.is_empty() {
                    return Ok(Control::Next);
                }
                match self.region(region, Vec::new(), environment)? {
                    Flow::Yield(values) => define(environment, values),
                    other => return Ok(Control::Leave(other)),
                }
            }
            "scf.for" => match self.for_loop(op, operands, environment)? {
                Ok(values) => define(environment, values),
                Err(flow) => return Ok(Control::Leave(flow)),
            },
            "scf.while" => match self.while_loop(op, operands, environment)? {
                Ok(values) => define(environment, values),
                Err(flow) => return Ok(Control::Leave(flow)),
            },
            "func.call" => {
                let Some(Attribute::SymbolRef(callee)) = data.attributes.get("callee") else {
                    return Err(Stop::Unsupported("a call without callee".to_string()));
                };
                let callee = func::lookup(module, callee)
                    .ok_or_else(|| Stop::Unsupported(format!("no function {callee}")))?;
                let values = self.call(callee, operands)?;
                define(environment, values);
            }
            "mem.alloca" => {
                self.slots.push(None);
                define(environment, vec![Value::Slot(self.slots.len() - 1)]);
            }
            "mem.store" if operands.len() == 2 => {
                let Value::Slot(slot) = operands[1] else {
                    return Err(Stop::Unsupported("a store to a value".to_string()));
                };
                self.slots[slot] = Some(operands[0].clone());
            }
            "mem.load" if operands.len() == 1 => {
                let Value::Slot(slot) = operands[0] else {
                    return Err(Stop::Unsupported("a load from a value".to_string()));
                };
                let value = self.slots[slot]
                    .clone()
                    .ok_or_else(|| Stop::Stopped("a load of an unset slot".to_string()))?;
                define(environment, vec![value]);
            }
            "rt.string" => {
                let Some(Attribute::String(text)) = data.attributes.get("value") else {
                    return Err(Stop::Unsupported("a string without value".to_string()));
                };
                define(environment, vec![Value::Text(text.clone())]);
            }
            "rt.error" => {
                let Value::Text(text) = &operands[0] else {
                    return Err(Stop::Unsupported("an error without message".to_string()));
                };
                define(environment, vec![Value::Error(text.clone())]);
            }
            "rt.raise" => return Err(Stop::Raised(operands[0].clone())),
            "rt.try" => {
                let flow = match self.region(data.regions[0], Vec::new(), environment) {
                    Err(Stop::Raised(error)) => {
                        self.region(data.regions[1], vec![error], environment)?
                    }
                    other => other?,
                };
                match flow {
                    Flow::Yield(_) => {}
                    other => return Ok(Control::Leave(other)),
                }
            }
            "rt.panic" => return Err(Stop::Stopped(message(op, module))),
            "rt.panic_if" if truth(&operands[0]) => return Err(Stop::Stopped(message(op, module))),
            "rt.assert" if !truth(&operands[0]) => {
                return Err(Stop::Stopped("assertion failed".to_string()))
            }
            "rt.panic_if" | "rt.assert" => {}
            _ => return Err(Stop::Unsupported(name.to_string())),
        }
        Ok(Control::Next)
    }

    fn values(&self, values: &[ValueId], environment: &Environment) -> Vec<Value> {
        values.iter().map(|v| environment[v].clone()).collect()
    }

    /// The results of an `scf.for`, or the flow that left it (a `func.return` inside).
    fn for_loop(
        &mut self,
        op: OpId,
        operands: Vec<Value>,
        environment: &mut Environment,
    ) -> Result<Result<Vec<Value>, Flow>, Stop> {
        let module = self.module;
        let counter_type = module.value_type(module.ops[op].operands[0]).clone();
        let integer = |value: &Value| match value {
            Value::Constant(Attribute::Integer { value, .. }) => Ok(*value),
            _ => Err(Stop::Unsupported("a loop bound that is not an integer".to_string())),
        };
        let (mut counter, upper, step) =
            (integer(&operands[0])?, integer(&operands[1])?, integer(&operands[2])?);
        let mut carried = operands[3..].to_vec();
        let region = module.ops[op].regions[0];
        loop {
            let in_range = if step > 0 { counter < upper } else { counter > upper };
            if !in_range {
                return Ok(Ok(carried));
            }
            let mut arguments =
                vec![Value::Constant(Attribute::integer(counter, counter_type.clone()))];
            arguments.extend(carried.iter().cloned());
            match self.region(region, arguments, environment)? {
                Flow::Yield(values) | Flow::Continue(values) => carried = values,
                Flow::Break(values) => return Ok(Ok(values)),
                other => return Ok(Err(other)),
            }
            let next = evaluate(
                "arith.addi",
                &Default::default(),
                &[
                    &Attribute::integer(counter, counter_type.clone()),
                    &Attribute::integer(step, counter_type.clone()),
                ],
                &counter_type,
            )
            .expect("wrapping addition");
            let Attribute::Integer { value, .. } = next else { unreachable!() };
            counter = value;
        }
    }

    /// The results of an `scf.while`, or the flow that left it.
    fn while_loop(
        &mut self,
        op: OpId,
        operands: Vec<Value>,
        environment: &mut Environment,
    ) -> Result<Result<Vec<Value>, Flow>, Stop> {
        let regions = self.module.ops[op].regions.clone();
        let mut carried = operands;
        loop {
            let values = match self.region(regions[0], carried, environment)? {
                Flow::Condition(false, values) => return Ok(Ok(values)),
                Flow::Condition(true, values) => values,
                other => return Ok(Err(other)),
            };
            match self.region(regions[1], values, environment)? {
                Flow::Yield(values) | Flow::Continue(values) => carried = values,
                Flow::Break(values) => return Ok(Ok(values)),
                other => return Ok(Err(other)),
            }
        }
    }
}

fn truth(value: &Value) -> bool {
    matches!(value, Value::Constant(Attribute::Integer { value, .. }) if value & 1 == 1)
}

fn message(op: OpId, module: &Module) -> String {
    match module.ops[op].attributes.get("message") {
        Some(Attribute::String(message)) => format!("panic: {message}"),
        _ => "panic".to_string(),
    }
}

/// Argument lists to try a function on: every combination of a few values per parameter
/// (at most `limit` lists), or `None` when a parameter's type has no sample values.
pub fn sample_arguments(inputs: &[Type], limit: usize) -> Option<Vec<Vec<Attribute>>> {
    let mut lists: Vec<Vec<Attribute>> = vec![Vec::new()];
    for ty in inputs {
        let samples: Vec<Attribute> = match ty {
            Type::Int(1) => vec![Attribute::integer(0, Type::I1), Attribute::integer(1, Type::I1)],
            Type::Int(_) | Type::UInt(_) | Type::Index => {
                let integer = IntegerType::of(ty)?;
                // In the type's range, as constants are written (200 : i8 is -56).
                [-3, 0, 1, 2, 7, 200]
                    .iter()
                    .map(|&v| integer.attribute(integer.pattern(v), ty))
                    .collect()
            }
            Type::Float(_) => {
                [-1.5, 0.0, 2.0].iter().map(|&v| Attribute::float(v, ty.clone())).collect()
            }
            _ => return None,
        };
        lists = lists
            .into_iter()
            .flat_map(|list| {
                samples.iter().map(move |sample| {
                    let mut list = list.clone();
                    list.push(sample.clone());
                    list
                })
            })
            .take(limit)
            .collect();
    }
    Some(lists)
}

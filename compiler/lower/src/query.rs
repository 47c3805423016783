//! The [`lower_function`] query: one function instance lowered to a module of its own.

use std::sync::Arc;

use mlc_ir::{print_module, Attribute, Module, OpState, Type};
use mlc_semantics::{
    function_body, function_chunk, function_signature, infer_function, Chunk, Db, FunctionId,
    StructId, Ty,
};
use mlc_syntax::ast::ParamKind;
use rustc_hash::FxHashMap;

use crate::function::{FnLowering, LineIndex, Local};
use crate::ops::op;
use crate::types::{ir_type, symbol};

/// One function instance in the IR: a module holding its `func.func` (or `gpu.func`), and
/// what the program needs besides: the instances it calls and the structs it uses.
#[derive(Debug)]
pub struct LoweredFunction {
    pub module: Module,
    pub callees: Vec<(FunctionId, Vec<Ty>)>,
    pub structs: Vec<StructId>,
    /// The chunk of the function: line numbers of locations count from its first line.
    pub chunk: Option<Chunk>,
}

/// Equal when the IR prints the same: then nothing that assembles the program re-runs.
impl PartialEq for LoweredFunction {
    fn eq(&self, other: &LoweredFunction) -> bool {
        self.callees == other.callees
            && self.structs == other.structs
            && self.chunk == other.chunk
            && print_module(&self.module) == print_module(&other.module)
    }
}

impl Eq for LoweredFunction {}

/// Lowers one function (a generic one with its type arguments) of a checked program.
///
/// Depends on the function's body, its inference result and the signatures it calls, so an
/// edit re-lowers only the functions whose bodies (or callees' signatures) changed; chunk-
/// relative locations keep an edit above a function from re-lowering it.
#[salsa::tracked(returns(clone))]
pub fn lower_function(
    db: &dyn Db,
    function: FunctionId,
    type_args: Vec<Ty>,
) -> Arc<LoweredFunction> {
    Arc::new(lower(db, function, type_args))
}

fn lower(db: &dyn Db, function: FunctionId, type_args: Vec<Ty>) -> LoweredFunction {
    let signature = function_signature(db, function);
    let chunk = function_chunk(db, function);
    let text = chunk.map(|chunk| chunk.text(db).clone()).unwrap_or_default();
    let mut module = Module::new();
    let mut inputs = Vec::new();
    if let (Some(receiver), Some(owner)) = (signature.receiver, signature.owner) {
        let ty = Type::Struct(owner.name(db).clone());
        inputs.push(match receiver {
            ParamKind::MutSelf => {
                Type::MemRef { element: Box::new(ty), shape: Vec::new(), strides: None }
            }
            _ => ty,
        });
    }
    for param in &signature.params {
        if let Some(ty) = ir_type(db, &param.ty.substitute(&type_args)) {
            inputs.push(ty);
        }
    }
    let results: Vec<Type> =
        ir_type(db, &signature.return_ty.substitute(&type_args)).into_iter().collect();
    let region = module.create_region();
    let entry = module.append_block(region, &inputs);
    let kind = if signature.flags.kernel { "gpu.func" } else { "func.func" };
    let name = symbol(db, function, &type_args);
    let func = module.create_op(
        OpState::new(op(kind))
            .attribute("sym_name", Attribute::String(name))
            .attribute("function_type", Attribute::Type(Type::function(inputs, results.clone())))
            .region(region),
    );
    let body = module.body();
    module.append_op(body, func);

    let mut lowering = FnLowering {
        db,
        function,
        type_args,
        inference: infer_function(db, function),
        module,
        block: entry,
        entry,
        ended: false,
        location: None,
        locals: FxHashMap::default(),
        loops: Vec::new(),
        cleanups: Vec::new(),
        caught: Vec::new(),
        callees: Vec::new(),
        structs: Vec::new(),
        lines: LineIndex::new(&text),
        path: function.file(db).path(db).clone(),
    };
    if let Some(ast) = function_body(db, function) {
        lowering.at(ast.span);
        let arguments = lowering.module.blocks[entry].arguments.clone();
        let mut next_argument = arguments.into_iter();
        for param in &ast.params {
            let Some(&binding) = lowering.inference.binding_sites.get(&param.name.span) else {
                continue;
            };
            let ty = lowering.inference.binding(binding).ty.substitute(&lowering.type_args);
            if ir_type(db, &ty).is_none() {
                continue;
            }
            lowering.ir_ty(&ty);
            let argument = next_argument.next().expect("one argument per parameter");
            let local = if param.kind == ParamKind::MutSelf {
                Local::Slot(argument)
            } else {
                Local::Value(argument)
            };
            lowering.locals.insert(binding, local);
        }
        if let Some(body) = &ast.body {
            lowering.lower_block(body);
        }
        if !lowering.ended {
            let last = ast.body.as_ref().map_or(ast.span, |body| body.span);
            lowering.at(mlc_diagnostics::Span { start: last.end.saturating_sub(1), end: last.end });
            // Falling off the end returns nothing; the checker proved that a function with a
            // result cannot get here.
            let terminator = if results.is_empty() { "func.return" } else { "cf.unreachable" };
            lowering.terminate(OpState::new(op(terminator)));
        }
    }
    LoweredFunction {
        module: lowering.module,
        callees: lowering.callees,
        structs: lowering.structs,
        chunk,
    }
}

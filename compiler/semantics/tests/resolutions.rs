//! What inference records for IR lowering: call targets (with argument sources and type
//! arguments), operators, indexes, attributes, implicit conversions and instantiations.

mod support;

use expect_test::{expect, Expect};
use mlc_semantics::{
    check_file, file_functions, infer_function, CallTarget, CheckMode, Database,
    OperatorResolution, Ty,
};
use support::line_column;

fn show_ty(db: &Database, ty: &Ty) -> String {
    ty.display(db).to_string()
}

/// Lists what the function `name` resolved, in source order.
fn check_resolutions(text: &str, name: &str, expect: Expect) {
    let mut db = Database::new();
    let file = db.add_file("test.ml", text);
    let diagnostics = check_file(&db, file, CheckMode::Library);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let function = file_functions(&db, file)
        .into_iter()
        .find(|function| function.display_name(&db) == name)
        .expect("no such function");
    let result = infer_function(&db, function);
    // Spans are relative to the function's chunk; this test's functions are found by text.
    let chunk_start =
        text.find(&format!("fn {}", name.rsplit('.').next().unwrap())).unwrap() as u32;
    let mut lines: Vec<(u32, String)> = Vec::new();
    for (span, call) in &result.calls {
        let target = match &call.target {
            CallTarget::Function { function, type_args }
            | CallTarget::Method { function, type_args } => {
                let args: Vec<String> = type_args.iter().map(|ty| show_ty(&db, ty)).collect();
                let kind = if matches!(call.target, CallTarget::Method { .. }) {
                    "method"
                } else {
                    "function"
                };
                format!("{kind} {}[{}]", function.display_name(&db), args.join(", "))
            }
            CallTarget::KernelLaunch { kernel, .. } => {
                format!("launch {}", kernel.display_name(&db))
            }
            CallTarget::Builtin(builtin) => format!("builtin {}", builtin.name()),
            CallTarget::BuiltinMethod { receiver, method } => {
                format!("{}.{method}", show_ty(&db, receiver))
            }
            CallTarget::StructConstructor(strukt) => format!("construct {}", strukt.name(&db)),
            CallTarget::Cast { from, to } => {
                format!("cast {} -> {}", show_ty(&db, from), show_ty(&db, to))
            }
            CallTarget::ListConstructor(element) => format!("new List[{}]", show_ty(&db, element)),
            CallTarget::DictConstructor(key, value) => {
                format!("new Dict[{}, {}]", show_ty(&db, key), show_ty(&db, value))
            }
            CallTarget::Python => "python call".to_string(),
        };
        lines.push((span.start, format!("call {target} {:?}", call.arguments)));
    }
    for (span, operator) in &result.operators {
        let shown = match operator {
            OperatorResolution::Native { operand } => format!("native {}", show_ty(&db, operand)),
            OperatorResolution::Tensor { element } => format!("tensor {}", show_ty(&db, element)),
            OperatorResolution::Dunder { method, flipped, negated } => {
                format!("dunder {} flipped={flipped} negated={negated}", method.display_name(&db))
            }
            OperatorResolution::Contains { container } => {
                format!("contains {}", show_ty(&db, container))
            }
            OperatorResolution::Python => "python".to_string(),
        };
        lines.push((span.start, format!("operator {shown}")));
    }
    for (span, index) in &result.indexes {
        lines.push((span.start, format!("index {index:?}")));
    }
    for (span, coercion) in &result.coercions {
        lines.push((span.start, format!("coercion {coercion:?}")));
    }
    lines.sort();
    let mut out = String::new();
    for (start, line) in lines {
        let (l, c) = line_column(text, chunk_start + start);
        out.push_str(&format!("{l}:{c} {line}\n"));
    }
    for (function, type_args) in &result.instantiations {
        let args: Vec<String> = type_args.iter().map(|ty| show_ty(&db, ty)).collect();
        out.push_str(&format!(
            "instantiates {}[{}]\n",
            function.display_name(&db),
            args.join(", ")
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn calls_operators_and_instantiations() {
    check_resolutions(
        "
from python import numpy as np
import math

struct V:
    x: f64

    fn __add__(self, o: V) -> V:
        return V(self.x + o.x)

    fn __lt__(self, o: V) -> bool:
        return self.x < o.x

fn clamp[T: Numeric](x: T, lo: T, hi: T = 10) -> T:
    return x

fn f(xs: List[f64], t: Tensor[f32]):
    let a = clamp(5, 0)
    let b = V(1.0) + V(2.0)
    let c = b > V(0.0)
    let d = np.array(xs) * 2
    let e = math.sqrt(xs[0]) + f64(len(xs))
    var m = Dict[str, i64]()
    m['k'] = 1
    xs.append(2.0)
    let g = t * 2.0
    let h = 'a' in 'abc'
",
        "f",
        expect![[r#"
            18:13 call function clamp[i64] [Argument(0), Argument(1), Default]
            19:13 call construct V [Argument(0)]
            19:13 operator dunder V.__add__ flipped=false negated=false
            19:22 call construct V [Argument(0)]
            20:17 call construct V [Argument(0)]
            20:17 operator dunder V.__lt__ flipped=true negated=false
            21:13 call python call []
            21:13 operator python
            21:22 coercion ToPython
            21:28 coercion ToPython
            22:13 call function sqrt[f64] [Argument(0)]
            22:13 operator native f64
            22:23 index List
            22:32 call cast i64 -> f64 [Argument(0)]
            22:36 call builtin len [Argument(0)]
            23:13 call new Dict[str, i64] []
            23:13 index TypeArguments
            24:5 index Dict
            25:5 call List[f64].append [Argument(0)]
            26:13 operator tensor f32
            27:20 operator contains str
            instantiates clamp[i64]
            instantiates sqrt[f64]
        "#]],
    );
}

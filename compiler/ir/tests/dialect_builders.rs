//! Building IR through the dialects' constructors, as lowering and passes do: the region
//! ops hand back their blocks (with the block arguments the verifier expects) to be filled.

use expect_test::{expect, Expect};
use mlc_ir::dialect::{agg, arith, builtin, cf, func, gpu, mem, py, rt, scf, tensor};
use mlc_ir::{print_module, verify, Builder, Module, Type};

fn check(module: &Module, expected: Expect) {
    if let Err(errors) = verify(module) {
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{}\n{}", errors.join("\n"), print_module(module));
    }
    expected.assert_eq(&print_module(module));
}

/// `for i in range(n): if i == 3: continue; if i > k: break; total += i`, then `return`
/// from inside a `while`.
#[test]
fn loops_with_early_exits() {
    let mut module = Module::new();
    let (_, entry) = func::function(&mut module, "loops", &[Type::I64, Type::I64], &[Type::I64]);
    let (n, k) = (module.blocks[entry].arguments[0], module.blocks[entry].arguments[1]);
    let mut b = Builder::at_end(&mut module, entry);
    let zero = arith::constant_integer(&mut b, 0, Type::I64);
    let one = arith::constant_integer(&mut b, 1, Type::I64);
    let three = arith::constant_integer(&mut b, 3, Type::I64);
    let for_ = scf::for_(&mut b, zero, n, one, &[zero]);

    b.set_block(for_.body);
    let (i, total) = (for_.induction_variable, for_.loop_values[0]);
    let is_three = arith::compare(&mut b, &arith::CMPI, "eq", i, three);
    let (_, skip) = scf::if_then(&mut b, is_three);
    let past = arith::compare(&mut b, &arith::CMPI, "sgt", i, k);
    let stop = scf::if_(&mut b, past, &[]);
    let next = arith::checked_binary(&mut b, &arith::ADDI, total, i);
    scf::yield_(&mut b, &[next]);
    b.set_block(skip);
    scf::continue_(&mut b, &[total]);
    b.set_block(stop.then_block);
    scf::break_(&mut b, &[total]);
    b.set_block(stop.else_block);
    scf::yield_(&mut b, &[]);

    b.set_block(entry);
    let while_ = scf::while_(&mut b, &[for_.results[0]], &[Type::I64]);
    b.set_block(while_.before);
    let x = b.module.blocks[while_.before].arguments[0];
    let positive = arith::compare(&mut b, &arith::CMPI, "sgt", x, zero);
    scf::condition(&mut b, positive, &[x]);
    b.set_block(while_.after);
    let y = b.module.blocks[while_.after].arguments[0];
    let big = arith::compare(&mut b, &arith::CMPI, "sgt", y, k);
    let (_, early) = scf::if_then(&mut b, big);
    let halved = arith::binary(&mut b, &arith::FLOORDIVSI, y, three);
    scf::yield_(&mut b, &[halved]);
    b.set_block(early);
    func::return_(&mut b, &[y]);
    b.set_block(entry);
    func::return_(&mut b, &[while_.results[0]]);
    check(
        &module,
        expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64, i64) -> i64, sym_name = "loops"} ({
          ^bb0(%0: i64, %1: i64):
            %2 = arith.constant {value = 0 : i64} : i64
            %3 = arith.constant {value = 1 : i64} : i64
            %4 = arith.constant {value = 3 : i64} : i64
            %5 = scf.for %2, %0, %3, %2 ({
            ^bb1(%6: i64, %7: i64):
              %8 = arith.cmpi %6, %4 {predicate = "eq"} : (i64, i64) -> i1
              scf.if %8 ({
              ^bb2:
                scf.continue %7 : i64
              }, {
              }) : i1
              %9 = arith.cmpi %6, %1 {predicate = "sgt"} : (i64, i64) -> i1
              scf.if %9 ({
              ^bb3:
                scf.break %7 : i64
              }, {
              ^bb4:
                scf.yield
              }) : i1
              %10 = arith.addi %7, %6 {checked = true} : i64
              scf.yield %10 : i64
            }) : i64
            %11 = scf.while %5 ({
            ^bb5(%12: i64):
              %13 = arith.cmpi %12, %2 {predicate = "sgt"} : (i64, i64) -> i1
              scf.condition %13, %12 : (i1, i64) -> ()
            }, {
            ^bb6(%14: i64):
              %15 = arith.cmpi %14, %1 {predicate = "sgt"} : (i64, i64) -> i1
              scf.if %15 ({
              ^bb7:
                func.return %14 : i64
              }, {
              }) : i1
              %16 = arith.floordivsi %14, %4 : i64
              scf.yield %16 : i64
            }) : i64
            func.return %11 : i64
          })
        })
    "#]],
    );
}

/// `try: raise Error("no") except e: print(e.message)`, with a `var` slot and a struct.
#[test]
fn errors_slots_and_structs() {
    let mut module = Module::new();
    builtin::struct_(&mut module, "Pair[i64]", &[("first", Type::I64), ("second", Type::F64)]);
    let pair = Type::Struct("Pair[i64]".to_string());
    let (_, entry) =
        func::function(&mut module, "errors", &[Type::I64, Type::F64], std::slice::from_ref(&pair));
    let (n, x) = (module.blocks[entry].arguments[0], module.blocks[entry].arguments[1]);
    let mut b = Builder::at_end(&mut module, entry);
    let slot = mem::alloca(&mut b, Type::I64);
    mem::store(&mut b, n, slot, &[]);
    let try_ = rt::try_(&mut b);
    b.set_block(try_.body);
    let text = rt::string(&mut b, "no");
    let error = rt::error(&mut b, text);
    rt::raise(&mut b, error);
    b.set_block(try_.handler);
    let message = rt::error_message(&mut b, try_.error);
    let sep = rt::string(&mut b, " ");
    let end = rt::string(&mut b, "\n");
    rt::print(&mut b, sep, end, &[message]);
    mem::release(&mut b, message);
    scf::yield_(&mut b, &[]);
    b.set_block(entry);
    let value = mem::load(&mut b, slot, &[]);
    let made = agg::make(&mut b, pair, &[value, x]);
    let first = agg::extract(&mut b, made, 0);
    let doubled = arith::binary(&mut b, &arith::ADDI, first, first);
    let updated = agg::insert(&mut b, made, doubled, 0);
    let line = rt::string(&mut b, "a b");
    let words = rt::builtin(&mut b, "str.split", &[line], &[Type::List(Box::new(Type::Str))]);
    let count = mem::list_len(&mut b, words[0]);
    let positive = arith::compare(&mut b, &arith::CMPI, "sge", count, count);
    rt::assert(&mut b, positive, None);
    func::return_(&mut b, &[updated]);
    check(
        &module,
        expect![[r#"
        builtin.module ({
        ^bb0:
          builtin.struct {field_names = ["first", "second"], fields = [i64, f64], sym_name = "Pair[i64]"}
          func.func {function_type = (i64, f64) -> !struct<"Pair[i64]">, sym_name = "errors"} ({
          ^bb0(%0: i64, %1: f64):
            %2 = mem.alloca : !mem.ref<i64>
            mem.store %0, %2 : (i64, !mem.ref<i64>) -> ()
            rt.try ({
            ^bb1:
              %3 = rt.string {value = "no"} : !str
              %4 = rt.error %3 : (!str) -> !rt.error
              rt.raise %4 : !rt.error
            }, {
            ^bb2(%5: !rt.error):
              %6 = rt.error_message %5 : (!rt.error) -> !str
              %7 = rt.string {value = " "} : !str
              %8 = rt.string {value = "\n"} : !str
              rt.print %7, %8, %6 : !str
              mem.release %6 : !str
              scf.yield
            })
            %9 = mem.load %2 : (!mem.ref<i64>) -> i64
            %10 = agg.make %9, %1 : (i64, f64) -> !struct<"Pair[i64]">
            %11 = agg.extract %10 {index = 0 : i64} : (!struct<"Pair[i64]">) -> i64
            %12 = arith.addi %11, %11 : i64
            %13 = agg.insert %10, %12 {index = 0 : i64} : (!struct<"Pair[i64]">, i64) -> !struct<"Pair[i64]">
            %14 = rt.string {value = "a b"} : !str
            %15 = rt.builtin %14 {name = "str.split"} : (!str) -> !list<!str>
            %16 = mem.list_len %15 : (!list<!str>) -> i64
            %17 = arith.cmpi %16, %16 {predicate = "sge"} : (i64, i64) -> i1
            rt.assert %17 : i1
            func.return %13 : !struct<"Pair[i64]">
          })
        })
    "#]],
    );
}

/// `out = a * x + y` fused, then the same at the loop level, a kernel and its launch.
#[test]
fn tensors_and_kernels() {
    let mut module = Module::new();
    let f32_tensor = Type::Tensor(Box::new(Type::Float(mlc_ir::FloatKind::F32)));
    let f32 = Type::Float(mlc_ir::FloatKind::F32);
    let (_, kernel_entry) = gpu::function(&mut module, "saxpy", &[f32.clone(), f32_tensor.clone()]);
    let (a, x) =
        (module.blocks[kernel_entry].arguments[0], module.blocks[kernel_entry].arguments[1]);
    let mut b = Builder::at_end(&mut module, kernel_entry);
    let i = gpu::index(&mut b, &gpu::THREAD_ID, "x");
    let element = tensor::load(&mut b, x, &[i]);
    let scaled = arith::binary(&mut b, &arith::MULF, a, element);
    tensor::store(&mut b, scaled, x, &[i]);
    func::return_(&mut b, &[]);

    let inputs = [f32.clone(), f32_tensor.clone(), f32_tensor.clone()];
    let (_, entry) = func::function(&mut module, "host", &inputs, std::slice::from_ref(&f32));
    let arguments = module.blocks[entry].arguments.clone();
    let (a, x, y) = (arguments[0], arguments[1], arguments[2]);
    let mut b = Builder::at_end(&mut module, entry);
    let map = tensor::map(&mut b, &[x, y], f32.clone());
    b.set_block(map.body);
    let product = arith::binary(&mut b, &arith::MULF, a, map.elements[0]);
    let sum = arith::binary(&mut b, &arith::ADDF, product, map.elements[1]);
    tensor::yield_(&mut b, sum);
    b.set_block(entry);
    let dot = tensor::map_reduce(&mut b, &[x, y], "sum", f32.clone());
    b.set_block(dot.body);
    let product = arith::binary(&mut b, &arith::MULF, dot.elements[0], dot.elements[1]);
    tensor::yield_(&mut b, product);
    b.set_block(entry);
    let space = tensor::space(&mut b, &[x, y]);
    let size = tensor::space_size(&mut b, space);
    let out = tensor::empty(&mut b, space, f32.clone());
    let zero = arith::constant_integer(&mut b, 0, Type::I64);
    let one = arith::constant_integer(&mut b, 1, Type::I64);
    let loop_ = scf::for_(&mut b, zero, size, one, &[]);
    b.set_block(loop_.body);
    let element = tensor::load_linear(&mut b, x, space, loop_.induction_variable);
    tensor::store_linear(&mut b, element, out, loop_.induction_variable);
    scf::yield_(&mut b, &[]);
    b.set_block(entry);
    let added = tensor::binary(&mut b, "add", map.result, out);
    let total = tensor::reduce(&mut b, "sum", added);
    gpu::launch(&mut b, "saxpy", [one, one, one], [size, one, one], &[a, x]);
    gpu::synchronize(&mut b);
    let total = arith::binary(&mut b, &arith::ADDF, total, dot.result);
    func::return_(&mut b, &[total]);
    check(
        &module,
        expect![[r#"
        builtin.module ({
        ^bb0:
          gpu.func {function_type = (f32, !tensor<f32>) -> (), sym_name = "saxpy"} ({
          ^bb0(%0: f32, %1: !tensor<f32>):
            %2 = gpu.thread_id {dimension = "x"} : i64
            %3 = tensor.load %1, %2 : (!tensor<f32>, i64) -> f32
            %4 = arith.mulf %0, %3 : f32
            tensor.store %4, %1, %2 : (f32, !tensor<f32>, i64) -> ()
            func.return
          })
          func.func {function_type = (f32, !tensor<f32>, !tensor<f32>) -> f32, sym_name = "host"} ({
          ^bb0(%0: f32, %1: !tensor<f32>, %2: !tensor<f32>):
            %3 = tensor.map %1, %2 ({
            ^bb1(%4: f32, %5: f32):
              %6 = arith.mulf %0, %4 : f32
              %7 = arith.addf %6, %5 : f32
              tensor.yield %7 : f32
            }) : !tensor<f32>
            %8 = tensor.map_reduce %1, %2 {kind = "sum"} ({
            ^bb2(%9: f32, %10: f32):
              %11 = arith.mulf %9, %10 : f32
              tensor.yield %11 : f32
            }) : (!tensor<f32>, !tensor<f32>) -> f32
            %12 = tensor.space %1, %2 : (!tensor<f32>, !tensor<f32>) -> !tensor.space
            %13 = tensor.space_size %12 : (!tensor.space) -> i64
            %14 = tensor.empty %12 : (!tensor.space) -> !tensor<f32>
            %15 = arith.constant {value = 0 : i64} : i64
            %16 = arith.constant {value = 1 : i64} : i64
            scf.for %15, %13, %16 ({
            ^bb3(%17: i64):
              %18 = tensor.load_linear %1, %12, %17 : (!tensor<f32>, !tensor.space, i64) -> f32
              tensor.store_linear %18, %14, %17 : (f32, !tensor<f32>, i64) -> ()
              scf.yield
            }) : i64
            %19 = tensor.binary %3, %14 {kind = "add"} : !tensor<f32>
            %20 = tensor.reduce %19 {kind = "sum"} : (!tensor<f32>) -> f32
            gpu.launch %16, %16, %16, %13, %16, %16, %0, %1 {kernel = @saxpy} : (i64, i64, i64, i64, i64, i64, f32, !tensor<f32>) -> ()
            gpu.synchronize
            %21 = arith.addf %20, %8 : f32
            func.return %21 : f32
          })
        })
    "#]],
    );
}

/// `torch.sum(t, dim=1)` and a loop over blocks with `cf` branches.
#[test]
fn python_calls_and_branches() {
    let mut module = Module::new();
    let (_, entry) = func::function(&mut module, "python", &[Type::I64, Type::I1], &[Type::I64]);
    let (n, c) = (module.blocks[entry].arguments[0], module.blocks[entry].arguments[1]);
    let mut b = Builder::at_end(&mut module, entry);
    let torch = py::import(&mut b, "torch");
    let sum = py::getattr(&mut b, torch, "sum");
    let t = py::from(&mut b, n);
    let dimension = py::from(&mut b, n);
    let result = py::call(&mut b, sum, &[t], &[("dim", dimension)]);
    let native = py::to(&mut b, result, Type::I64);
    let region = b.module.ops[b.module.parent_op_of_block(entry).unwrap()].regions[0];
    let yes = b.module.append_block(region, &[Type::I64]);
    let no = b.module.append_block(region, &[]);
    cf::cond_br(&mut b, c, (yes, &[native]), (no, &[]));
    b.set_block(yes);
    let value = b.module.blocks[yes].arguments[0];
    func::return_(&mut b, &[value]);
    b.set_block(no);
    cf::br(&mut b, yes, &[n]);
    check(
        &module,
        expect![[r#"
        builtin.module ({
        ^bb0:
          func.func {function_type = (i64, i1) -> i64, sym_name = "python"} ({
          ^bb0(%0: i64, %1: i1):
            %2 = py.import {module = "torch"} : !py.object
            %3 = py.getattr %2 {name = "sum"} : !py.object
            %4 = py.from %0 : (i64) -> !py.object
            %5 = py.from %0 : (i64) -> !py.object
            %6 = py.call %3, %4, %5 {keywords = ["dim"]} : !py.object
            %7 = py.to %6 : (!py.object) -> i64
            cf.cond_br %1 [^bb1(%7: i64), ^bb2] : i1
          ^bb1(%8: i64):
            func.return %8 : i64
          ^bb2:
            cf.br [^bb1(%0: i64)]
          })
        })
    "#]],
    );
}

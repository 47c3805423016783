//! Control flow and data: loops with block arguments (fib iterative and recursive),
//! branches into one block both ways, aggregates through calls, returns, block arguments and
//! slots (read back with `ll.load` at the C layout's offsets), stack arrays.

mod common;

use common::{c_program, check};

#[test]
fn fib_recursive_and_iterative() {
    let ir = r#"builtin.module ({
^bb0:
  func.func {function_type = (i64) -> i64, sym_name = "fib"} ({
  ^bb0(%n: i64):
    %two = arith.constant {value = 2 : i64} : i64
    %small = arith.cmpi %n, %two {predicate = "slt"} : (i64, i64) -> i1
    cf.cond_br %small [^base, ^recurse] : i1
  ^base:
    func.return %n : i64
  ^recurse:
    %one = arith.constant {value = 1 : i64} : i64
    %n1 = arith.subi %n, %one : i64
    %n2 = arith.subi %n, %two : i64
    %f1 = func.call %n1 {callee = @fib} : (i64) -> i64
    %f2 = func.call %n2 {callee = @fib} : (i64) -> i64
    %sum = arith.addi %f1, %f2 : i64
    func.return %sum : i64
  })
  func.func {export = "fib_recursive", function_type = (i64) -> i64, sym_name = "fib_recursive"} ({
  ^bb0(%n: i64):
    %r = func.call %n {callee = @fib} : (i64) -> i64
    func.return %r : i64
  })
  // The loop's header comes after its body in the block list: translation follows the CFG.
  func.func {export = "fib_iterative", function_type = (i64) -> i64, sym_name = "fib_iterative"} ({
  ^entry(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    cf.br [^header(%zero: i64, %one: i64, %zero: i64)]
  ^body(%a2: i64, %b2: i64, %i2: i64):
    %next = arith.addi %a2, %b2 : i64
    %i3 = arith.addi %i2, %one : i64
    cf.br [^header(%b2: i64, %next: i64, %i3: i64)]
  ^header(%a: i64, %b: i64, %i: i64):
    %more = arith.cmpi %i, %n {predicate = "slt"} : (i64, i64) -> i1
    cf.cond_br %more [^body(%a: i64, %b: i64, %i: i64), ^exit] : i1
  ^exit:
    func.return %a : i64
  })
})
"#;
    let driver = c_program(
        "int64_t fib_recursive(int64_t); int64_t fib_iterative(int64_t);",
        "  for (int n = 0; n <= 20; n += 5) printf(\"%d %lld %lld\\n\", n, (long long)fib_recursive(n), (long long)fib_iterative(n));\n  printf(\"%lld\\n\", (long long)fib_iterative(90));",
    );
    check(
        "fib",
        ir,
        &driver,
        "0 0 0\n5 5 5\n10 55 55\n15 610 610\n20 6765 6765\n2880067194370816120\n",
    );
}

#[test]
fn branches_reaching_one_block_both_ways() {
    // Both edges of the cond_br go to ^join with different values: a phi needs one
    // predecessor per edge.
    let ir = r#"builtin.module ({
^bb0:
  func.func {export = "pick", function_type = (i1, i32, i32) -> i32, sym_name = "pick"} ({
  ^bb0(%c: i1, %a: i32, %b: i32):
    cf.cond_br %c [^join(%a: i32), ^join(%b: i32)] : i1
  ^join(%r: i32):
    func.return %r : i32
  })
  func.func {export = "unreached", function_type = (i32) -> i32, sym_name = "unreached"} ({
  ^bb0(%a: i32):
    func.return %a : i32
  ^dead:
    cf.unreachable
  })
})
"#;
    let driver = c_program(
        "int32_t pick(bool, int32_t, int32_t); int32_t unreached(int32_t);",
        "  printf(\"%d %d %d\\n\", pick(true, 1, 2), pick(false, 1, 2), unreached(7));",
    );
    check("same-successor", ir, &driver, "1 2 7\n");
}

#[test]
fn aggregates_through_calls_returns_and_block_arguments() {
    let ir = r#"builtin.module ({
^bb0:
  builtin.struct {field_names = ["x", "y", "flag"], fields = [f64, f64, i1], sym_name = "Vec2"}
  // Several results come back as one literal struct.
  func.func {function_type = (i64, i64) -> (i64, i64), sym_name = "divmod"} ({
  ^bb0(%a: i64, %b: i64):
    %q = arith.divsi %a, %b : i64
    %r = arith.remsi %a, %b : i64
    func.return %q, %r : i64
  })
  func.func {function_type = (!struct<Vec2>, f64) -> !struct<Vec2>, sym_name = "Vec2.scale"} ({
  ^bb0(%v: !struct<Vec2>, %k: f64):
    %x = agg.extract %v {index = 0 : i64} : (!struct<Vec2>) -> f64
    %y = agg.extract %v {index = 1 : i64} : (!struct<Vec2>) -> f64
    %x2 = arith.mulf %x, %k : f64
    %y2 = arith.mulf %y, %k : f64
    %v1 = agg.insert %v, %x2 {index = 0 : i64} : (!struct<Vec2>, f64) -> !struct<Vec2>
    %v2 = agg.insert %v1, %y2 {index = 1 : i64} : (!struct<Vec2>, f64) -> !struct<Vec2>
    func.return %v2 : !struct<Vec2>
  })
  func.func {export = "divmod_sum", function_type = (i64, i64) -> i64, sym_name = "divmod_sum"} ({
  ^bb0(%a: i64, %b: i64):
    %q, %r = func.call %a, %b {callee = @divmod} : (i64, i64) -> (i64, i64)
    %hundred = arith.constant {value = 100 : i64} : i64
    %q100 = arith.muli %q, %hundred : i64
    %s = arith.addi %q100, %r : i64
    func.return %s : i64
  })
  func.func {export = "scaled_norm1", function_type = (f64, f64, i1, f64) -> f64, sym_name = "scaled_norm1"} ({
  ^bb0(%x: f64, %y: f64, %flag: i1, %k: f64):
    %v = agg.make %x, %y, %flag : (f64, f64, i1) -> !struct<Vec2>
    %w = func.call %v, %k {callee = @"Vec2.scale"} : (!struct<Vec2>, f64) -> !struct<Vec2>
    %wx = agg.extract %w {index = 0 : i64} : (!struct<Vec2>) -> f64
    %wy = agg.extract %w {index = 1 : i64} : (!struct<Vec2>) -> f64
    %f = agg.extract %w {index = 2 : i64} : (!struct<Vec2>) -> i1
    %s = arith.addf %wx, %wy : f64
    %n = arith.negf %s : f64
    %r = arith.select %f, %s, %n : (i1, f64, f64) -> f64
    func.return %r : f64
  })
  // A (sum, count) tuple carried around a loop as one block argument.
  func.func {export = "sum_below", function_type = (i64) -> i64, sym_name = "sum_below"} ({
  ^bb0(%n: i64):
    %zero = arith.constant {value = 0 : i64} : i64
    %one = arith.constant {value = 1 : i64} : i64
    %start = agg.make %zero, %zero : (i64, i64) -> tuple<i64, i64>
    cf.br [^loop(%start: tuple<i64, i64>)]
  ^loop(%acc: tuple<i64, i64>):
    %sum = agg.extract %acc {index = 0 : i64} : (tuple<i64, i64>) -> i64
    %i = agg.extract %acc {index = 1 : i64} : (tuple<i64, i64>) -> i64
    %more = arith.cmpi %i, %n {predicate = "slt"} : (i64, i64) -> i1
    %sum2 = arith.addi %sum, %i : i64
    %i2 = arith.addi %i, %one : i64
    %acc2 = agg.make %sum2, %i2 : (i64, i64) -> tuple<i64, i64>
    cf.cond_br %more [^loop(%acc2: tuple<i64, i64>), ^done] : i1
  ^done:
    %count = agg.extract %acc {index = 1 : i64} : (tuple<i64, i64>) -> i64
    %big = arith.constant {value = 1000 : i64} : i64
    %scaled = arith.muli %sum, %big : i64
    %r = arith.addi %scaled, %count : i64
    func.return %r : i64
  })
})
"#;
    let driver = c_program(
        "int64_t divmod_sum(int64_t, int64_t); double scaled_norm1(double, double, bool, double); int64_t sum_below(int64_t);",
        r#"  printf("%lld %lld\n", (long long)divmod_sum(17, 5), (long long)divmod_sum(-17, 5));
  printf("%g %g\n", scaled_norm1(1.5, 2.0, true, 2.0), scaled_norm1(1.5, 2.0, false, 2.0));
  printf("%lld\n", (long long)sum_below(10));"#,
    );
    check("aggregates", ir, &driver, "302 -302\n7 -7\n45010\n");
}

/// The struct of the brief: (f64, i1, i64, tuple<i8, f32>), in C layout: offsets 0, 8, 16,
/// 24 (and 28 for the f32 inside the tuple), size 32.
const STRUCT_S: &str = r#"  builtin.struct {field_names = ["a", "b", "c", "d"], fields = [f64, i1, i64, tuple<i8, f32>], sym_name = "S"}"#;

const C_STRUCT_S: &str = r#"struct S { double a; bool b; int64_t c; struct { int8_t x; float y; } d; };
_Static_assert(offsetof(struct S, b) == 8 && offsetof(struct S, c) == 16 && offsetof(struct S, d) == 24 && offsetof(struct S, d.y) == 28 && sizeof(struct S) == 32, "C layout");"#;

#[test]
fn struct_in_a_slot_read_back_at_c_layout_offsets() {
    let ir = format!(
        r#"builtin.module ({{
^bb0:
{STRUCT_S}
  // Makes an S, stores it to a slot and copies each field, read with ll.load at its C
  // offset, to `out` with ll.store.
  func.func {{export = "slot_copy", function_type = (f64, i1, i64, i8, f32, !ll.ptr) -> (), sym_name = "slot_copy"}} ({{
  ^bb0(%a: f64, %b: i1, %c: i64, %x: i8, %y: f32, %out: !ll.ptr):
    %slot = mem.alloca : !mem.ref<!struct<S>>
    %d = agg.make %x, %y : (i8, f32) -> tuple<i8, f32>
    %s = agg.make %a, %b, %c, %d : (f64, i1, i64, tuple<i8, f32>) -> !struct<S>
    mem.store %s, %slot : (!struct<S>, !mem.ref<!struct<S>>) -> ()
    %p = ll.address %slot : (!mem.ref<!struct<S>>) -> !ll.ptr
    %o0 = arith.constant {{value = 0 : i64}} : i64
    %o8 = arith.constant {{value = 8 : i64}} : i64
    %o16 = arith.constant {{value = 16 : i64}} : i64
    %o24 = arith.constant {{value = 24 : i64}} : i64
    %o28 = arith.constant {{value = 28 : i64}} : i64
    %la = ll.load %p, %o0 : (!ll.ptr, i64) -> f64
    %lb = ll.load %p, %o8 : (!ll.ptr, i64) -> i1
    %lc = ll.load %p, %o16 : (!ll.ptr, i64) -> i64
    %lx = ll.load %p, %o24 : (!ll.ptr, i64) -> i8
    %ly = ll.load %p, %o28 : (!ll.ptr, i64) -> f32
    ll.store %la, %out, %o0 : (f64, !ll.ptr, i64) -> ()
    ll.store %lb, %out, %o8 : (i1, !ll.ptr, i64) -> ()
    ll.store %lc, %out, %o16 : (i64, !ll.ptr, i64) -> ()
    ll.store %lx, %out, %o24 : (i8, !ll.ptr, i64) -> ()
    ll.store %ly, %out, %o28 : (f32, !ll.ptr, i64) -> ()
    func.return
  }})
  // The caller's struct through a !mem.ref: read whole, fields changed, written back.
  func.func {{export = "bump", function_type = (!mem.ref<!struct<S>>) -> f64, sym_name = "bump"}} ({{
  ^bb0(%r: !mem.ref<!struct<S>>):
    %s = mem.load %r : (!mem.ref<!struct<S>>) -> !struct<S>
    %a = agg.extract %s {{index = 0 : i64}} : (!struct<S>) -> f64
    %b = agg.extract %s {{index = 1 : i64}} : (!struct<S>) -> i1
    %c = agg.extract %s {{index = 2 : i64}} : (!struct<S>) -> i64
    %d = agg.extract %s {{index = 3 : i64}} : (!struct<S>) -> tuple<i8, f32>
    %y = agg.extract %d {{index = 1 : i64}} : (tuple<i8, f32>) -> f32
    %true = arith.constant {{value = 1 : i1}} : i1
    %nb = arith.xori %b, %true : i1
    %one = arith.constant {{value = 1 : i64}} : i64
    %nc = arith.addi %c, %one : i64
    %half = arith.constant {{value = 0.5 : f32}} : f32
    %ny = arith.addf %y, %half : f32
    %nd = agg.insert %d, %ny {{index = 1 : i64}} : (tuple<i8, f32>, f32) -> tuple<i8, f32>
    %s1 = agg.insert %s, %nb {{index = 1 : i64}} : (!struct<S>, i1) -> !struct<S>
    %s2 = agg.insert %s1, %nc {{index = 2 : i64}} : (!struct<S>, i64) -> !struct<S>
    %s3 = agg.insert %s2, %nd {{index = 3 : i64}} : (!struct<S>, tuple<i8, f32>) -> !struct<S>
    mem.store %s3, %r : (!struct<S>, !mem.ref<!struct<S>>) -> ()
    func.return %a : f64
  }})
}})
"#
    );
    let declarations = format!(
        "{C_STRUCT_S}\nvoid slot_copy(double, bool, int64_t, int8_t, float, void *);\ndouble bump(struct S *);"
    );
    let body = r#"  struct S s; memset(&s, 0xAB, sizeof s);
  slot_copy(2.5, true, -7, -3, 1.25f, &s);
  printf("%g %d %lld %d %g\n", s.a, (int)*(unsigned char *)&s.b, (long long)s.c, s.d.x, s.d.y);
  slot_copy(-1.0, false, 1LL << 40, 127, -0.5f, &s);
  printf("%g %d %lld %d %g\n", s.a, (int)*(unsigned char *)&s.b, (long long)s.c, s.d.x, s.d.y);
  double a = bump(&s);
  printf("%g %d %lld %d %g\n", a, (int)*(unsigned char *)&s.b, (long long)s.c, s.d.x, s.d.y);"#;
    check(
        "struct-slot",
        &ir,
        &c_program(&declarations, body),
        "2.5 1 -7 -3 1.25\n-1 0 1099511627776 127 -0.5\n-1 1 1099511627777 127 0\n",
    );
}

#[test]
fn stack_arrays() {
    let ir = r#"builtin.module ({
^bb0:
  // squares[i] = i * i for i < 10, then their sum; a flag array marks the odd ones.
  func.func {export = "squares", function_type = (index) -> i64, sym_name = "squares"} ({
  ^bb0(%n: index):
    %a = mem.alloca : !mem.ref<i64, 10>
    %odd = mem.alloca : !mem.ref<i1, 10>
    %zero = arith.constant {value = 0 : index} : index
    %one = arith.constant {value = 1 : index} : index
    %two = arith.constant {value = 2 : index} : index
    %z64 = arith.constant {value = 0 : i64} : i64
    cf.br [^fill(%zero: index)]
  ^fill(%i: index):
    %more = arith.cmpi %i, %n {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %more [^store, ^sum(%zero: index, %z64: i64)] : i1
  ^store:
    %i64 = arith.index_cast %i : (index) -> i64
    %sq = arith.muli %i64, %i64 : i64
    mem.store %sq, %a, %i : (i64, !mem.ref<i64, 10>, index) -> ()
    %rem = arith.remui %i, %two : index
    %isodd = arith.cmpi %rem, %one {predicate = "eq"} : (index, index) -> i1
    mem.store %isodd, %odd, %i : (i1, !mem.ref<i1, 10>, index) -> ()
    %next = arith.addi %i, %one : index
    cf.br [^fill(%next: index)]
  ^sum(%j: index, %acc: i64):
    %more2 = arith.cmpi %j, %n {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %more2 [^add, ^done] : i1
  ^add:
    %v = mem.load %a, %j : (!mem.ref<i64, 10>, index) -> i64
    %o = mem.load %odd, %j : (!mem.ref<i1, 10>, index) -> i1
    %thousand = arith.constant {value = 1000 : i64} : i64
    %w = arith.select %o, %thousand, %z64 : (i1, i64, i64) -> i64
    %acc1 = arith.addi %acc, %v : i64
    %acc2 = arith.addi %acc1, %w : i64
    %j2 = arith.addi %j, %one : index
    cf.br [^sum(%j2: index, %acc2: i64)]
  ^done:
    func.return %acc : i64
  })
  // A 3x4 matrix, row-major: m[i][j] = 10 i + j; returns m[r][c] after filling.
  func.func {export = "matrix", function_type = (index, index) -> f64, sym_name = "matrix"} ({
  ^bb0(%r: index, %c: index):
    %m = mem.alloca : !mem.ref<f64, 3x4>
    %zero = arith.constant {value = 0 : index} : index
    %one = arith.constant {value = 1 : index} : index
    %three = arith.constant {value = 3 : index} : index
    %four = arith.constant {value = 4 : index} : index
    cf.br [^rows(%zero: index)]
  ^rows(%i: index):
    %more = arith.cmpi %i, %three {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %more [^cols(%zero: index), ^read] : i1
  ^cols(%j: index):
    %morej = arith.cmpi %j, %four {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %morej [^write, ^nextrow] : i1
  ^write:
    %ten = arith.constant {value = 10 : index} : index
    %ti = arith.muli %i, %ten : index
    %v = arith.addi %ti, %j : index
    %vf = arith.sitofp %v : (index) -> f64
    mem.store %vf, %m, %i, %j : (f64, !mem.ref<f64, 3x4>, index, index) -> ()
    %j2 = arith.addi %j, %one : index
    cf.br [^cols(%j2: index)]
  ^nextrow:
    %i2 = arith.addi %i, %one : index
    cf.br [^rows(%i2: index)]
  ^read:
    %x = mem.load %m, %r, %c : (!mem.ref<f64, 3x4>, index, index) -> f64
    func.return %x : f64
  })
})
"#;
    let driver = c_program(
        "int64_t squares(int64_t); double matrix(int64_t, int64_t);",
        "  printf(\"%lld %lld %g %g %g\\n\", (long long)squares(10), (long long)squares(3), matrix(0, 0), matrix(2, 3), matrix(1, 2));",
    );
    check("stack-arrays", ir, &driver, "5285 1005 0 23 12\n");
}

#[test]
fn a_loop_back_to_the_entry_block() {
    // The entry block's arguments are the parameters, and also a loop's values when a
    // branch targets it: LLVM's own entry block branches to it and feeds its phis.
    let ir = r#"builtin.module ({
^bb0:
  func.func {export = "count_down", function_type = (i1, i32) -> i32, sym_name = "count_down"} ({
  ^bb0(%go: i1, %n: i32):
    %zero = arith.constant {value = 0 : i32} : i32
    %one = arith.constant {value = 1 : i32} : i32
    %more = arith.cmpi %n, %zero {predicate = "sgt"} : (i32, i32) -> i1
    %both = arith.andi %go, %more : i1
    %n1 = arith.subi %n, %one : i32
    cf.cond_br %both [^bb0(%go: i1, %n1: i32), ^bb1] : i1
  ^bb1:
    func.return %n : i32
  })
})
"#;
    let driver = c_program(
        "int32_t count_down(bool, int32_t);",
        "  printf(\"%d %d %d\\n\", count_down(true, 5), count_down(false, 5), count_down(true, -3));",
    );
    check("entry-loop", ir, &driver, "0 5 -3\n");
}

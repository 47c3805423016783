//! Tuples and structs: through calls (as leaves, and through a return area), block
//! arguments, `agg.insert`, slots at the documented C-layout offsets, and `ll.zero`.

use crate::common::{compile_both, get, module};

/// `S` = (f64, i1, i64, tuple<i8, f32>): C layout offsets 0, 8, 16, 24 and 28, size 32.
const STRUCT: &str = r#"
  builtin.struct {field_names = ["a", "b", "c", "d"], fields = [f64, i1, i64, tuple<i8, f32>], sym_name = "S"}
  // Five leaves, three of them integers: returned through a return area.
  func.func {function_type = (f64, i1, i64, i8, f32) -> !struct<S>, sym_name = "make"} ({
  ^bb0(%a: f64, %b: i1, %c: i64, %x: i8, %y: f32):
    %d = agg.make %x, %y : (i8, f32) -> tuple<i8, f32>
    %s = agg.make %a, %b, %c, %d : (f64, i1, i64, tuple<i8, f32>) -> !struct<S>
    func.return %s : !struct<S>
  })
  func.func {function_type = (!struct<S>) -> f64, sym_name = "score"} ({
  ^bb0(%s: !struct<S>):
    %a = agg.extract %s {index = 0 : i64} : (!struct<S>) -> f64
    %b = agg.extract %s {index = 1 : i64} : (!struct<S>) -> i1
    %c = agg.extract %s {index = 2 : i64} : (!struct<S>) -> i64
    %d = agg.extract %s {index = 3 : i64} : (!struct<S>) -> tuple<i8, f32>
    %x = agg.extract %d {index = 0 : i64} : (tuple<i8, f32>) -> i8
    %y = agg.extract %d {index = 1 : i64} : (tuple<i8, f32>) -> f32
    %bf = arith.uitofp %b : (i1) -> f64
    %cf = arith.sitofp %c : (i64) -> f64
    %xf = arith.sitofp %x : (i8) -> f64
    %yf = arith.extf %y : (f32) -> f64
    %ten = arith.constant {value = 10.0 : f64} : f64
    %hundred = arith.constant {value = 100.0 : f64} : f64
    %thousand = arith.constant {value = 1000.0 : f64} : f64
    %t1 = arith.mulf %bf, %ten : f64
    %t2 = arith.mulf %cf, %hundred : f64
    %t3 = arith.mulf %xf, %thousand : f64
    %s1 = arith.addf %a, %t1 : f64
    %s2 = arith.addf %s1, %t2 : f64
    %s3 = arith.addf %s2, %t3 : f64
    %s4 = arith.addf %s3, %yf : f64
    func.return %s4 : f64
  })
  // make, into a slot, back out, through a block argument, then scored.
  func.func {function_type = (f64, i1, i64, i8, f32) -> f64, sym_name = "roundtrip"} ({
  ^bb0(%a: f64, %b: i1, %c: i64, %x: i8, %y: f32):
    %s = func.call %a, %b, %c, %x, %y {callee = @make} : (f64, i1, i64, i8, f32) -> !struct<S>
    %slot = mem.alloca : !mem.ref<!struct<S>>
    mem.store %s, %slot : (!struct<S>, !mem.ref<!struct<S>>) -> ()
    %back = mem.load %slot : (!mem.ref<!struct<S>>) -> !struct<S>
    cf.br [^next(%back: !struct<S>)]
  ^next(%t: !struct<S>):
    %r = func.call %t {callee = @score} : (!struct<S>) -> f64
    func.return %r : f64
  })
  // Copies the fields of a stored `S` to `out`, read with `ll.load` at the C offsets.
  func.func {function_type = (f64, i1, i64, i8, f32, !ll.ptr) -> (), sym_name = "dump"} ({
  ^bb0(%a: f64, %b: i1, %c: i64, %x: i8, %y: f32, %out: !ll.ptr):
    %s = func.call %a, %b, %c, %x, %y {callee = @make} : (f64, i1, i64, i8, f32) -> !struct<S>
    %slot = mem.alloca : !mem.ref<!struct<S>>
    mem.store %s, %slot : (!struct<S>, !mem.ref<!struct<S>>) -> ()
    %p = ll.address %slot : (!mem.ref<!struct<S>>) -> !ll.ptr
    %o0 = arith.constant {value = 0 : i64} : i64
    %o8 = arith.constant {value = 8 : i64} : i64
    %o16 = arith.constant {value = 16 : i64} : i64
    %o24 = arith.constant {value = 24 : i64} : i64
    %o28 = arith.constant {value = 28 : i64} : i64
    %fa = ll.load %p, %o0 : (!ll.ptr, i64) -> f64
    %fb = ll.load %p, %o8 : (!ll.ptr, i64) -> i1
    %fc = ll.load %p, %o16 : (!ll.ptr, i64) -> i64
    %fx = ll.load %p, %o24 : (!ll.ptr, i64) -> i8
    %fy = ll.load %p, %o28 : (!ll.ptr, i64) -> f32
    ll.store %fa, %out, %o0 : (f64, !ll.ptr, i64) -> ()
    ll.store %fb, %out, %o8 : (i1, !ll.ptr, i64) -> ()
    ll.store %fc, %out, %o16 : (i64, !ll.ptr, i64) -> ()
    ll.store %fx, %out, %o24 : (i8, !ll.ptr, i64) -> ()
    ll.store %fy, %out, %o28 : (f32, !ll.ptr, i64) -> ()
    func.return
  })
  // A struct argument written with `ll.store` by the caller, read with `mem.load`.
  func.func {function_type = (!ll.ptr) -> f64, sym_name = "score_memory"} ({
  ^bb0(%in: !ll.ptr):
    %slot = mem.alloca : !mem.ref<!struct<S>>
    %p = ll.address %slot : (!mem.ref<!struct<S>>) -> !ll.ptr
    %zero = arith.constant {value = 0 : i64} : i64
    %size = arith.constant {value = 32 : i64} : i64
    %eight = arith.constant {value = 8 : i64} : i64
    cf.br [^copy(%zero: i64)]
  ^copy(%i: i64):
    %more = arith.cmpi %i, %size {predicate = "slt"} : (i64, i64) -> i1
    cf.cond_br %more [^body, ^done] : i1
  ^body:
    %word = ll.load %in, %i : (!ll.ptr, i64) -> i64
    ll.store %word, %p, %i : (i64, !ll.ptr, i64) -> ()
    %next = arith.addi %i, %eight : i64
    cf.br [^copy(%next: i64)]
  ^done:
    %s = mem.load %slot : (!mem.ref<!struct<S>>) -> !struct<S>
    %r = func.call %s {callee = @score} : (!struct<S>) -> f64
    func.return %r : f64
  })
  // agg.insert and ll.zero of an aggregate.
  func.func {function_type = (i64) -> f64, sym_name = "zero_then_insert"} ({
  ^bb0(%c: i64):
    %z = ll.zero : !struct<S>
    %s = agg.insert %z, %c {index = 2 : i64} : (!struct<S>, i64) -> !struct<S>
    %r = func.call %s {callee = @score} : (!struct<S>) -> f64
    func.return %r : f64
  })
  func.func {function_type = (!ll.ptr) -> (), sym_name = "zeros"} ({
  ^bb0(%out: !ll.ptr):
    %z = ll.zero : tuple<i64, f64, i1, f32, !str>
    %a = agg.extract %z {index = 0 : i64} : (tuple<i64, f64, i1, f32, !str>) -> i64
    %b = agg.extract %z {index = 1 : i64} : (tuple<i64, f64, i1, f32, !str>) -> f64
    %c = agg.extract %z {index = 2 : i64} : (tuple<i64, f64, i1, f32, !str>) -> i1
    %d = agg.extract %z {index = 3 : i64} : (tuple<i64, f64, i1, f32, !str>) -> f32
    %e = agg.extract %z {index = 4 : i64} : (tuple<i64, f64, i1, f32, !str>) -> !str
    %o0 = arith.constant {value = 0 : i64} : i64
    %o8 = arith.constant {value = 8 : i64} : i64
    %o16 = arith.constant {value = 16 : i64} : i64
    %o20 = arith.constant {value = 20 : i64} : i64
    %o24 = arith.constant {value = 24 : i64} : i64
    ll.store %a, %out, %o0 : (i64, !ll.ptr, i64) -> ()
    ll.store %b, %out, %o8 : (f64, !ll.ptr, i64) -> ()
    ll.store %c, %out, %o16 : (i1, !ll.ptr, i64) -> ()
    ll.store %d, %out, %o20 : (f32, !ll.ptr, i64) -> ()
    ll.store %e, %out, %o24 : (!str, !ll.ptr, i64) -> ()
    func.return
  })
"#;

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Inner {
    x: i8,
    y: f32,
}

/// The C layout of `S` as Rust lays out the same `repr(C)` struct.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
struct S {
    a: f64,
    b: bool,
    c: i64,
    d: Inner,
}

fn score(s: S) -> f64 {
    s.a + f64::from(u8::from(s.b)) * 10.0
        + s.c as f64 * 100.0
        + f64::from(s.d.x) * 1000.0
        + f64::from(s.d.y)
}

#[test]
fn structs_through_calls_slots_and_block_arguments() {
    assert_eq!(std::mem::offset_of!(S, d), 24);
    assert_eq!(std::mem::size_of::<S>(), 32);
    let samples = [
        S { a: 1.5, b: true, c: -7, d: Inner { x: -3, y: 0.25 } },
        S { a: -0.0, b: false, c: i64::MAX / 1000, d: Inner { x: 127, y: -1e10 } },
    ];
    for program in compile_both(&module(STRUCT)) {
        type Fields = extern "C" fn(f64, bool, i64, i8, f32) -> f64;
        let roundtrip: Fields = unsafe { get(&program, "roundtrip") };
        let dump: extern "C" fn(f64, bool, i64, i8, f32, *mut S) = unsafe { get(&program, "dump") };
        let score_memory: extern "C" fn(*const S) -> f64 = unsafe { get(&program, "score_memory") };
        for s in samples {
            assert_eq!(roundtrip(s.a, s.b, s.c, s.d.x, s.d.y), score(s));
            let mut out = S { a: 9.0, b: false, c: 0, d: Inner { x: 0, y: 0.0 } };
            dump(s.a, s.b, s.c, s.d.x, s.d.y, &mut out);
            assert_eq!(out, s);
            assert_eq!(score_memory(&s), score(s));
        }
        let zero_then_insert: extern "C" fn(i64) -> f64 =
            unsafe { get(&program, "zero_then_insert") };
        assert_eq!(zero_then_insert(3), 300.0);
        #[repr(C)]
        struct Zeros {
            a: i64,
            b: f64,
            c: bool,
            d: f32,
            e: *const u8,
        }
        let zeros: extern "C" fn(*mut Zeros) = unsafe { get(&program, "zeros") };
        let mut out = Zeros { a: 1, b: -1.0, c: true, d: -2.0, e: 8 as *const u8 };
        zeros(&mut out);
        assert_eq!((out.a, out.b.to_bits(), out.c, out.d.to_bits()), (0, 0, false, 0));
        assert!(out.e.is_null());
    }
}

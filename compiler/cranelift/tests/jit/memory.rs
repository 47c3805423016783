//! Stack arrays, `var` slots, raw loads and stores, constant strings and overflow tests.

use std::ffi::CStr;

use crate::common::{binary_function, compile_both, get, module};

#[test]
fn stack_arrays() {
    let text = module(
        r#"
  // a[i][j] = 10 * i + j over a 4x3 array, then a[i][j] read back and checked with ll.load
  // at (3 * i + j) * 8.
  func.func {function_type = (index, index) -> i64, sym_name = "grid"} ({
  ^bb0(%ri: index, %rj: index):
    %a = mem.alloca : !mem.ref<i64, 4x3>
    %zero = arith.constant {value = 0 : index} : index
    %one = arith.constant {value = 1 : index} : index
    %three = arith.constant {value = 3 : index} : index
    %four = arith.constant {value = 4 : index} : index
    %ten = arith.constant {value = 10 : index} : index
    cf.br [^rows(%zero: index)]
  ^rows(%i: index):
    %more = arith.cmpi %i, %four {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %more [^columns(%zero: index), ^done] : i1
  ^columns(%j: index):
    %more_j = arith.cmpi %j, %three {predicate = "slt"} : (index, index) -> i1
    cf.cond_br %more_j [^store, ^next_row] : i1
  ^store:
    %t = arith.muli %i, %ten : index
    %v = arith.addi %t, %j : index
    %vi = arith.index_cast %v : (index) -> i64
    mem.store %vi, %a, %i, %j : (i64, !mem.ref<i64, 4x3>, index, index) -> ()
    %j1 = arith.addi %j, %one : index
    cf.br [^columns(%j1: index)]
  ^next_row:
    %i1 = arith.addi %i, %one : index
    cf.br [^rows(%i1: index)]
  ^done:
    %x = mem.load %a, %ri, %rj : (!mem.ref<i64, 4x3>, index, index) -> i64
    %p = ll.address %a : (!mem.ref<i64, 4x3>) -> !ll.ptr
    %row = arith.muli %ri, %three : index
    %cell = arith.addi %row, %rj : index
    %eight = arith.constant {value = 8 : index} : index
    %byte = arith.muli %cell, %eight : index
    %offset = arith.index_cast %byte : (index) -> i64
    %y = ll.load %p, %offset : (!ll.ptr, i64) -> i64
    %same = arith.cmpi %x, %y {predicate = "eq"} : (i64, i64) -> i1
    %minus = arith.constant {value = -1 : i64} : i64
    %r = arith.select %same, %x, %minus : (i1, i64, i64) -> i64
    func.return %r : i64
  })
  // An array of tuples (i8, f64): 16-byte elements.
  func.func {function_type = (f64) -> f64, sym_name = "pairs"} ({
  ^bb0(%x: f64):
    %a = mem.alloca : !mem.ref<tuple<i8, f64>, 3>
    %i0 = arith.constant {value = 0 : index} : index
    %i2 = arith.constant {value = 2 : index} : index
    %k = arith.constant {value = 5 : i8} : i8
    %t = agg.make %k, %x : (i8, f64) -> tuple<i8, f64>
    mem.store %t, %a, %i2 : (tuple<i8, f64>, !mem.ref<tuple<i8, f64>, 3>, index) -> ()
    %p = ll.address %a : (!mem.ref<tuple<i8, f64>, 3>) -> !ll.ptr
    %o32 = arith.constant {value = 32 : i64} : i64
    %o40 = arith.constant {value = 40 : i64} : i64
    %b = ll.load %p, %o32 : (!ll.ptr, i64) -> i8
    %y = ll.load %p, %o40 : (!ll.ptr, i64) -> f64
    %bf = arith.sitofp %b : (i8) -> f64
    %r = arith.addf %bf, %y : f64
    func.return %r : f64
  })
  // A var slot, and a `mut self`-style reference passed to another function.
  func.func {function_type = (!mem.ref<i64>) -> (), sym_name = "bump"} ({
  ^bb0(%r: !mem.ref<i64>):
    %v = mem.load %r : (!mem.ref<i64>) -> i64
    %one = arith.constant {value = 1 : i64} : i64
    %w = arith.addi %v, %one : i64
    mem.store %w, %r : (i64, !mem.ref<i64>) -> ()
    func.return
  })
  func.func {function_type = (i64) -> i64, sym_name = "bump_twice"} ({
  ^bb0(%x: i64):
    %slot = mem.alloca : !mem.ref<i64>
    mem.store %x, %slot : (i64, !mem.ref<i64>) -> ()
    func.call %slot {callee = @bump} : (!mem.ref<i64>) -> ()
    func.call %slot {callee = @bump} : (!mem.ref<i64>) -> ()
    %r = mem.load %slot : (!mem.ref<i64>) -> i64
    func.return %r : i64
  })
  func.func {function_type = (i1) -> i1, sym_name = "bool_slot"} ({
  ^bb0(%b: i1):
    %slot = mem.alloca : !mem.ref<i1>
    mem.store %b, %slot : (i1, !mem.ref<i1>) -> ()
    %p = ll.address %slot : (!mem.ref<i1>) -> !ll.ptr
    %zero = arith.constant {value = 0 : i64} : i64
    %byte = ll.load %p, %zero : (!ll.ptr, i64) -> i8
    %one = arith.constant {value = 1 : i8} : i8
    %is_one = arith.cmpi %byte, %one {predicate = "eq"} : (i8, i8) -> i1
    %back = mem.load %slot : (!mem.ref<i1>) -> i1
    %r = arith.andi %is_one, %back : i1
    %zero8 = arith.constant {value = 0 : i8} : i8
    %is_zero = arith.cmpi %byte, %zero8 {predicate = "eq"} : (i8, i8) -> i1
    %r2 = arith.ori %r, %is_zero : i1
    func.return %r2 : i1
  })
"#,
    );
    for program in compile_both(&text) {
        let grid: extern "C" fn(i64, i64) -> i64 = unsafe { get(&program, "grid") };
        for i in 0..4 {
            for j in 0..3 {
                assert_eq!(grid(i, j), 10 * i + j);
            }
        }
        let pairs: extern "C" fn(f64) -> f64 = unsafe { get(&program, "pairs") };
        assert_eq!(pairs(0.5), 5.5);
        let bump_twice: extern "C" fn(i64) -> i64 = unsafe { get(&program, "bump_twice") };
        assert_eq!(bump_twice(40), 42);
        let bool_slot: extern "C" fn(bool) -> bool = unsafe { get(&program, "bool_slot") };
        assert!(bool_slot(true) && bool_slot(false));
    }
}

#[test]
fn constant_strings() {
    let text = module(
        r#"
  func.func {function_type = (i64) -> i8, sym_name = "byte"} ({
  ^bb0(%i: i64):
    %s = ll.cstring {value = "héllo\n"} : !ll.ptr
    %b = ll.load %s, %i : (!ll.ptr, i64) -> i8
    func.return %b : i8
  })
  func.func {function_type = () -> !ll.ptr, sym_name = "first"} ({
  ^bb0:
    %s = ll.cstring {value = "shared"} : !ll.ptr
    func.return %s : !ll.ptr
  })
  func.func {function_type = () -> !ll.ptr, sym_name = "second"} ({
  ^bb0:
    %t = ll.cstring {value = "other"} : !ll.ptr
    %s = ll.cstring {value = "shared"} : !ll.ptr
    func.return %s : !ll.ptr
  })
  func.func {function_type = () -> !ll.ptr, sym_name = "empty"} ({
  ^bb0:
    %s = ll.cstring {value = ""} : !ll.ptr
    func.return %s : !ll.ptr
  })
"#,
    );
    for program in compile_both(&text) {
        let byte: extern "C" fn(i64) -> i8 = unsafe { get(&program, "byte") };
        let bytes: Vec<u8> = (0..8).map(|i| byte(i) as u8).collect();
        assert_eq!(bytes, b"h\xc3\xa9llo\n\0");
        let first: extern "C" fn() -> *const std::ffi::c_char = unsafe { get(&program, "first") };
        let second: extern "C" fn() -> *const std::ffi::c_char = unsafe { get(&program, "second") };
        let empty: extern "C" fn() -> *const std::ffi::c_char = unsafe { get(&program, "empty") };
        // One data object per text.
        assert_eq!(first(), second());
        assert_eq!(unsafe { CStr::from_ptr(first()) }.to_str(), Ok("shared"));
        assert_eq!(unsafe { CStr::from_ptr(empty()) }.to_bytes(), b"");
    }
}

#[test]
fn raw_loads_and_stores() {
    let text = module(
        r#"
  // Copies a u16 at offset 2, an f32 at 4, a pointer at 8 and a u8 at 1.
  func.func {function_type = (!ll.ptr, !ll.ptr) -> (), sym_name = "copy"} ({
  ^bb0(%from: !ll.ptr, %to: !ll.ptr):
    %o1 = arith.constant {value = 1 : i64} : i64
    %o2 = arith.constant {value = 2 : i64} : i64
    %o4 = arith.constant {value = 4 : i64} : i64
    %o8 = arith.constant {value = 8 : i64} : i64
    %a = ll.load %from, %o1 : (!ll.ptr, i64) -> u8
    %b = ll.load %from, %o2 : (!ll.ptr, i64) -> u16
    %c = ll.load %from, %o4 : (!ll.ptr, i64) -> f32
    %d = ll.load %from, %o8 : (!ll.ptr, i64) -> !ll.ptr
    ll.store %a, %to, %o1 : (u8, !ll.ptr, i64) -> ()
    ll.store %b, %to, %o2 : (u16, !ll.ptr, i64) -> ()
    ll.store %c, %to, %o4 : (f32, !ll.ptr, i64) -> ()
    ll.store %d, %to, %o8 : (!ll.ptr, !ll.ptr, i64) -> ()
    func.return
  })
"#,
    );
    #[repr(C)]
    #[derive(Debug, PartialEq)]
    struct Record {
        zero: u8,
        a: u8,
        b: u16,
        c: f32,
        d: *const u8,
    }
    for program in compile_both(&text) {
        let copy: extern "C" fn(*const Record, *mut Record) = unsafe { get(&program, "copy") };
        let from = Record { zero: 0, a: 200, b: 60000, c: -2.5, d: 0x1234 as *const u8 };
        let mut to = Record { zero: 0, a: 0, b: 0, c: 0.0, d: std::ptr::null() };
        copy(&from, &mut to);
        assert_eq!(to, from);
    }
}

#[test]
fn overflow_tests() {
    let mut functions = String::new();
    for ty in ["i8", "i32", "i64", "u8", "u16", "u64"] {
        for kind in ["add", "sub", "mul"] {
            let attrs = format!("{{kind = \"{kind}\"}}");
            functions.push_str(&binary_function(
                &format!("{kind}_{ty}"),
                "ll.overflows",
                &attrs,
                ty,
                "i1",
            ));
        }
    }
    for program in compile_both(&module(&functions)) {
        macro_rules! check {
            ($t:ty, $name:literal, $values:expr) => {{
                for kind in ["add", "sub", "mul"] {
                    let f: extern "C" fn($t, $t) -> bool =
                        unsafe { get(&program, &format!("{kind}_{}", $name)) };
                    for a in $values {
                        for b in $values {
                            let want = match kind {
                                "add" => a.overflowing_add(b).1,
                                "sub" => a.overflowing_sub(b).1,
                                _ => a.overflowing_mul(b).1,
                            };
                            assert_eq!(f(a, b), want, "{kind} {} {a} {b}", $name);
                        }
                    }
                }
            }};
        }
        check!(i8, "i8", [0i8, 1, -1, 2, 64, -64, 100, i8::MAX, i8::MIN]);
        check!(i32, "i32", [0i32, 1, -1, 46341, -46341, i32::MAX, i32::MIN]);
        check!(i64, "i64", [0i64, 1, -1, 1 << 32, -(1 << 32), i64::MAX, i64::MIN]);
        check!(u8, "u8", [0u8, 1, 2, 16, 128, 255]);
        check!(u16, "u16", [0u16, 1, 256, 255, 32768, 65535]);
        check!(u64, "u64", [0u64, 1, 1 << 32, u64::MAX, u64::MAX / 2]);
    }
}

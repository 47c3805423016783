//! Name resolution and items: E0100-E0112, E0016, with their hints.

mod support;

use expect_test::expect;
use support::check;

#[test]
fn unknown_name_suggests_a_close_one() {
    check(
        "
fn f():
    var total = 0
    totl += 1
    print(totla)
",
        expect![[r#"
            E0100 4:5..4:9 unknown name `totl`
                hint: did you mean `total`?
            E0100 5:11..5:16 unknown name `totla`
                hint: did you mean `total`?
        "#]],
    );
}

#[test]
fn unknown_name_suggests_imports_and_spellings() {
    check(
        "
fn f(x: f64):
    let a = sqrt(x)
    let b = math.pi
    let c = int(x)
    let d = true
",
        expect![[r#"
            E0100 3:13..3:17 unknown name `sqrt`
                hint: import it: `from math import sqrt`
            E0100 4:13..4:17 unknown name `math`
                hint: import the module first: `import math`
            E0100 5:13..5:16 unknown name `int`
                hint: write i64(x) (casts are named after the type)
            E0100 6:13..6:17 unknown name `true`
                hint: write True
        "#]],
    );
}

#[test]
fn unknown_modules_and_imported_names() {
    check(
        "
import numpy
import maths
from math import sqrt, squareroot
from python import torch
import python
",
        expect![[r#"
            E0101 2:8..2:13 unknown module `numpy`
                hint: for a Python module, write `from python import numpy`
            E0101 3:8..3:13 unknown module `maths`
                hint: did you mean `math`?
            E0102 4:24..4:34 the module `math` has no `squareroot`
                hint: did you mean `sqrt`?
            E0101 6:8..6:14 unknown module `python`
                hint: import Python modules one by one: `from python import numpy`
        "#]],
    );
}

#[test]
fn unknown_module_member() {
    check(
        "
import math

fn f() -> f64:
    return math.sqr(2.0) + math.tua
",
        expect![[r#"
            E0102 5:17..5:20 the module `math` has no `sqr`
                hint: did you mean `math.sqrt`?
            E0102 5:33..5:36 the module `math` has no `tua`
                hint: did you mean `math.tau`?
        "#]],
    );
}

#[test]
fn duplicate_items_point_at_the_first() {
    check(
        "
fn f():
    pass

struct f:
    x: i64

from math import sqrt

const sqrt: f64 = 1.0
",
        expect![[r#"
            E0103 5:8..5:9 the name `f` is defined more than once
                hint: rename one of the two definitions of `f`, or remove this one if it repeats the first
            E0103 10:7..10:11 the name `sqrt` is defined more than once
                hint: rename one of the two definitions of `sqrt`, or remove this one if it repeats the first
        "#]],
    );
}

#[test]
fn duplicate_fields_parameters_and_generics() {
    check(
        "
struct P:
    x: f64
    x: i64

    fn x(self) -> f64:
        return 1.0

fn g[T, T](a: i64, a: f64):
    pass
",
        expect![[r#"
            E0103 4:5..4:6 the field `x` is defined more than once
                hint: rename one of the two `x`s, or remove this field if it repeats the first
            E0103 6:8..6:9 the field or method `x` is defined more than once
                hint: rename one of the two `x`s, or remove this field or method if it repeats the first
            E0103 9:9..9:10 the generic parameter `T` is defined more than once
                hint: rename one of the two `T`s, or remove this generic parameter if it repeats the first
            E0103 9:20..9:21 the parameter `a` is defined more than once
                hint: rename one of the two `a`s, or remove this parameter if it repeats the first
        "#]],
    );
}

#[test]
fn unknown_types_and_bounds() {
    check(
        "
fn f(a: int, b: Vec4, c: List, d: Dict[str], e: f64[i64]) -> strr:
    pass

fn g[T: Numberic](x: T):
    pass
",
        expect![[r#"
            E0104 2:9..2:12 unknown type `int`
                hint: the type is spelled `i64` here
            E0104 2:17..2:21 unknown type `Vec4`
            E0108 2:26..2:30 `List` needs 1 type argument
                hint: write the element type, e.g. `List[f64]`
            E0108 2:35..2:44 `Dict` takes 2 type arguments, but 1 was given
                hint: `Dict[K, V]` takes a key type and a value type, e.g. `Dict[str, i64]`
            E0108 2:49..2:57 `f64` takes no type arguments
                hint: remove the `[...]` and write just `f64`
            E0104 2:62..2:66 unknown type `strr`
                hint: did you mean `str`?
            E0107 5:9..5:17 unknown bound `Numberic`
                hint: did you mean `Numeric`?
        "#]],
    );
}

#[test]
fn unknown_fields_and_methods() {
    check(
        "
struct P:
    x: f64
    y: f64

    fn norm(self) -> f64:
        return self.x

fn f(p: P, xs: List[i64], t: Tensor[f32]):
    let a = p.z
    let b = p.nrom()
    let c = xs.push(1)
    let d = t.shape()
    let e = xs.length
    let g = p.norm
",
        expect![[r#"
            E0105 10:15..10:16 `P` has no field `z`
                hint: did you mean `x`?
            E0106 11:15..11:19 `P` has no method `nrom`
                hint: did you mean `norm`?
            E0106 12:16..12:20 `List[i64]` has no method `push`
                hint: use `append`
            E0106 13:15..13:20 `Tensor[f32]` has no method `shape`
                hint: `shape` is a property: write it without parentheses
            E0105 14:16..14:22 `List[i64]` has no attribute `length`
                hint: use `len(...)`
            E0109 15:13..15:19 the method `norm` must be called
                hint: call it: `.norm(...)`
        "#]],
    );
}

#[test]
fn not_a_value() {
    check(
        "
import math

struct P:
    x: f64

fn g():
    pass

fn f():
    let a = g
    let b = P
    let c = math
    let d = print
    let e = f64
    let h = List[f64]
",
        expect![[r#"
            E0109 11:13..11:14 the function `g` is not a value
                hint: call it: `g(...)`
            E0109 12:13..12:14 the struct `P` is not a value
                hint: construct one: `P(...)`
            E0109 13:13..13:17 the module `math` is not a value
                hint: use its items, such as `math.name`
            E0109 14:13..14:18 the built-in function `print` is not a value
                hint: call it: `print(...)`
            E0109 15:13..15:16 the type `f64` is not a value
                hint: convert with a cast: `f64(x)`
            E0109 16:13..16:22 `List[f64]` is not a value
                hint: call it: add `(...)`
        "#]],
    );
}

#[test]
fn recursive_structs() {
    check(
        "
struct Node:
    value: i64
    next: Node

struct A:
    b: (i64, B)

struct B:
    a: A

struct Tree:
    children: List[Tree]
",
        expect![[r#"
            E0110 4:5..4:9 the struct `Node` contains itself
                hint: hold other values in a `List`: `next: List[Node]`
            E0110 7:5..7:6 the struct `A` contains itself
                hint: hold other values in a `List`: `b: List[(i64, B)]`
            E0110 10:5..10:6 the struct `B` contains itself
                hint: hold other values in a `List`: `a: List[A]`
        "#]],
    );
}

#[test]
fn extern_only_in_the_standard_library() {
    check(
        "
extern fn magic(x: f64) -> f64

extern const answer: i64
",
        expect![[r#"
            E0111 2:1..2:16 `extern` declarations are only allowed in the standard library
                hint: give the function a body, or import the standard library's declaration
            E0111 4:1..4:20 `extern` declarations are only allowed in the standard library
                hint: give the function a body, or import the standard library's declaration
        "#]],
    );
}

#[test]
fn generic_structs_are_rejected() {
    check(
        "
struct Box[T]:
    value: T
",
        expect![[r#"
            E0112 2:12..2:13 generic structs are not supported
                hint: write the struct for the concrete types it holds, or use generic functions over it
        "#]],
    );
}

#[test]
fn decorators() {
    check(
        "
@kernal
fn a():
    pass

@device
fn b():
    pass

@cached
fn c():
    pass

@inline
fn d():
    pass
",
        expect![[r#"
            E0016 2:1..2:8 unknown decorator `@kernal`
                hint: did you mean `@kernel`?
            E0016 6:1..6:8 unknown decorator `@device`
                hint: remove `@device`; user code can use `@kernel` and `@inline`
            E0016 10:1..10:8 unknown decorator `@cached`
                hint: remove `@cached`, or use `@kernel` or `@inline`
        "#]],
    );
}

#[test]
fn constants_and_defaults_must_be_constant() {
    check(
        "
import math

fn g() -> i64:
    return 1

const A: i64 = 2 * 3 + 1
const B = A * 2
const C: f64 = math.pi / 2.0
const D: i64 = g()
const E: f32 = 1.5

fn f(x: i64 = A, y: i64 = g(), z: List[i64] = [1]):
    pass

struct S:
    a: f64 = 0.5
    b: i64 = len([1])
",
        expect![[r#"
            E0223 10:16..10:19 a constant must be a compile-time constant
                hint: write the value as a literal, or drop the `const` and compute `g()` with `let` in the function body that uses it
            E0224 13:27..13:30 a default value must be a compile-time constant
                hint: use a literal or a `const` as the default, or drop the default and pass `g()` at each call
            E0224 13:47..13:50 a default value must be a compile-time constant
                hint: use a literal or a `const` as the default, or drop the default and pass `[1]` at each call
            E0224 18:14..18:22 a default value must be a compile-time constant
                hint: use a literal or a `const` as the default, or drop the default and pass `len([1])` at each call
        "#]],
    );
}

#[test]
fn shadowing_and_block_scopes() {
    check(
        "
fn f(flag: bool):
    let x = 1
    let x = 'now a string'
    if flag:
        let inner = 2
    print(inner, x)
",
        expect![[r#"
            E0100 7:11..7:16 unknown name `inner`
        "#]],
    );
}

#[test]
fn self_only_first_in_methods() {
    check(
        "
fn g(self, x: i64):
    pass

struct P:
    x: f64

    fn m(x: i64, self):
        pass
",
        expect![[r#"
            E0017 2:6..2:10 `self` is only valid as the first parameter of a method
            E0017 8:18..8:22 `self` is only valid as the first parameter of a method
        "#]],
    );
}

#[test]
fn user_items_shadow_builtin_names() {
    check(
        "
struct Error:
    code: i64

fn len(x: i64) -> i64:
    return x

fn f():
    let e: Error = Error(3)
    let n = len(5)
    let c = e.code
",
        expect![[r#"
            f: e: Error, n: i64, c: i64
        "#]],
    );
}

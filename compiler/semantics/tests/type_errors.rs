//! Type errors (E02xx): one mistake gives one diagnostic, with the fix in the hint.

mod support;

use expect_test::expect;
use support::check;

#[test]
fn mismatched_types() {
    check(
        "
fn f() -> i64:
    let s: str = 1
    let b: bool = 'yes'
    let xs: List[i64] = [1, 2, 'three']
    return 'x'
",
        expect![[r#"
            E0200 3:18..3:19 expected `str`, found `i64`
                hint: convert it: `str(1)`
            E0200 4:19..4:24 expected `bool`, found `str`
            E0200 5:32..5:39 expected `i64`, found `str`
            E0200 6:12..6:15 expected `i64`, found `str`
        "#]],
    );
}

#[test]
fn no_implicit_numeric_conversion() {
    check(
        "
fn f(n: i64, x: f64, y: f32, i: i32):
    let a = n + x
    let b = x * n
    let c = x + y
    let d = i < n
    let e: f64 = n
    var g: f32 = 0.0
    g += x
",
        expect![[r#"
            E0201 3:13..3:18 `i64` and `f64` cannot be combined with `+`
                hint: convert one side explicitly: `f64(n) + x`
            E0201 4:13..4:18 `f64` and `i64` cannot be combined with `*`
                hint: convert one side explicitly: `x * f64(n)`
            E0201 5:13..5:18 `f64` and `f32` cannot be combined with `+`
                hint: convert one side explicitly: `x + f64(y)`
            E0201 6:17..6:18 `i32` and `i64` cannot be combined with `<`
                hint: convert one side explicitly: `i64(i) < n`
            E0201 7:18..7:19 expected `f64`, found `i64`
                hint: convert it: `f64(n)`
            E0201 9:5..9:11 `f32` and `f64` cannot be combined with `+`
                hint: convert one side explicitly: `f64(g) + x`
        "#]],
    );
}

#[test]
fn float_literal_is_not_an_int() {
    check(
        "
fn f(n: i64):
    let a: i64 = 1.5
    let b = n + 0.5
",
        expect![[r#"
            E0201 3:18..3:21 expected `i64`, found `f64`
                hint: convert it: `i64(1.5)`
            E0201 4:13..4:20 `i64` and `f64` cannot be combined with `+`
                hint: convert one side explicitly: `f64(n) + 0.5`
        "#]],
    );
}

#[test]
fn integer_literal_out_of_range() {
    check(
        "
fn f():
    let a: u8 = 256
    let b: i8 = -129
    let c: u32 = -1
    let d = 9223372036854775808
    let e: i64 = -9223372036854775808
    let g: u64 = 18446744073709551615
",
        expect![[r#"
            E0226 3:17..3:20 the literal `256` does not fit in `u8`
                hint: use a wider type such as `u16` (0 to 65535), or a value within the range of `u8`
            E0226 4:17..4:21 the literal `-129` does not fit in `i8`
                hint: use a wider type such as `i16` (-32768 to 32767), or a value within the range of `i8`
            E0226 5:18..5:20 the literal `-1` does not fit in `u32`
                hint: use a signed type such as `i64` (-9223372036854775808 to 9223372036854775807), or a value within the range of `u32`
            E0226 6:13..6:32 the literal `9223372036854775808` does not fit in `i64`
                hint: no integer type holds this value: use a value within the range of `i64`, or a float literal (`9223372036854775808.0`)
        "#]],
    );
}

#[test]
fn argument_errors() {
    check(
        "
fn g(a: i64, b: f64 = 1.0) -> f64:
    return b

fn f():
    g(1, 2.0, 3)
    g(1, c=2.0)
    g(1, 2.0, b=3.0)
    g(b=2.0)
    g('one')
    print(1, sepp=',')
",
        expect![[r#"
            E0202 6:15..6:16 `g` takes 2 arguments, but 3 were given
                hint: remove the argument `3`: `g` takes `a: i64, b: f64 = ...`
            E0203 7:10..7:11 `g` has no parameter named `c`
                hint: did you mean `b=`?
            E0204 8:15..8:20 the argument `b` of `g` is given more than once
                hint: remove `b=3.0`: `b` is already given earlier in the call
            E0205 9:5..9:13 missing argument `a` in the call of `g`
                hint: add `a=...` (an `i64`) to the call
            E0200 10:7..10:12 expected `i64`, found `str`
            E0203 11:14..11:18 `print` has no parameter named `sepp`
                hint: did you mean `sep=`?
        "#]],
    );
}

#[test]
fn constructor_arguments() {
    check(
        "
struct P:
    x: f64
    y: f64 = 0.0

fn f():
    let a = P()
    let b = P(1.0, 2.0, 3.0)
    let c = P(x=1.0, z=2.0)
    let d = P(1)
",
        expect![[r#"
            E0205 7:13..7:16 missing argument `x` in the call of `P`
                hint: add `x=...` (an `f64`) to the call
            E0202 8:25..8:28 `P` takes 2 arguments, but 3 were given
                hint: remove the argument `3.0`: `P` takes `x: f64, y: f64 = ...`
            E0203 9:22..9:23 `P` has no parameter named `z`
                hint: did you mean `y=`?
        "#]],
    );
}

#[test]
fn not_callable_and_not_indexable() {
    check(
        "
fn f(n: i64, p: (i64, f64), s: str):
    n(1)
    let a = n[0]
    let b = p[n]
    let c = p[2]
    s[0] = 'x'
",
        expect![[r#"
            E0206 3:5..3:6 a value of type `i64` is not callable
                hint: `n` is a number, not a function: to multiply, write `n * 1`
            E0207 4:13..4:17 a value of type `i64` cannot be indexed
                hint: to get a digit, index its text: `str(n)[0]`
            E0218 5:15..5:16 a tuple is indexed with an integer literal
            E0218 6:15..6:16 index 2 is out of range for a tuple of 2 elements
                hint: valid indices are `0` to `1` (or `-2` to `-1`)
            E0207 7:5..7:9 `str` does not support item assignment
                hint: a `str` cannot change: build a new one, such as `s[:i] + c + s[i + 1:]`, and assign it to a `var`
        "#]],
    );
}

#[test]
fn unsupported_operators() {
    check(
        "
struct P:
    x: f64

fn f(a: P, b: P, s: str, x: f64, flag: bool):
    let c = a + b
    let d = s - 'x'
    let e = x & 1.0
    let g = a < b
    let h = -s
    let k = 1 in 5
    let m = [1] @ [2]
",
        expect![[r#"
            E0208 6:13..6:18 `+` is not supported for `P`
                hint: define `fn __add__(self, other: P) -> ...` on `P`
            E0208 7:13..7:20 `-` is not supported for `str`
            E0208 8:13..8:20 `&` is not supported for `f64`
            E0208 9:17..9:18 `<` is not supported for `P`
                hint: define `fn __lt__(self, other: P) -> bool` on `P`
            E0208 10:13..10:15 `-` is not supported for `str`
            E0208 11:18..11:19 `in` needs a `str`, `List` or `Dict` on its right, found `i64`
            E0208 12:13..12:22 `@` is not supported for `List[i64]`
        "#]],
    );
}

#[test]
fn generic_bounds() {
    check(
        "
import math

fn add[T](a: T, b: T) -> T:
    return a + b

fn show[T](x: T) -> str:
    return f\"{x}\"

fn bigger[T](a: T, b: T) -> bool:
    return a > b

fn half[T: Integer](x: T) -> f64:
    return x / 2

fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    return x

fn f(n: i64, s: str):
    let a = math.sqrt(n)
    let b = clamp('a', 'b', 'c')
    let c = clamp(1, 2.5, 3)
    let d = clamp(n, 2.5, 3)
",
        expect![[r#"
            E0208 5:12..5:17 `+` on `T` needs the bound `Numeric`
                hint: add the bound to the generic parameter: `T: Numeric`
            E0221 8:15..8:16 a value of type `T` cannot be printed
                hint: add the bound: `T: Printable`
            E0208 11:16..11:17 `>` is not supported for `T`
                hint: add the bound to the generic parameter: `T: Comparable`
            E0208 14:12..14:17 `/` on `T` needs the bound `Float`
                hint: add the bound to the generic parameter: `T: Float`
            E0209 20:13..20:25 `i64` does not satisfy the bound `Float` of `T` in `sqrt`
                hint: convert the argument to a float type, e.g. `f64(n)`
            E0209 21:13..21:33 `str` does not satisfy the bound `Numeric` of `T` in `clamp`
                hint: pass values whose type satisfies `Numeric`: the integer types (`i64`, `i32`, `u8`, ...) and the float types (`f64`, `f32`)
            E0201 23:22..23:25 expected `i64`, found `f64`
                hint: convert it: `i64(2.5)`
        "#]],
    );
}

#[test]
fn cannot_infer() {
    check(
        "
from tensor import zeros

fn f():
    let xs = []
    let d = {}
    let z = zeros([3])
",
        expect![[r#"
            E0210 5:14..5:16 the element type of `[]` cannot be inferred
                hint: say what it holds: `let xs: List[i64] = []`, or `let xs = List[i64]()`
            E0210 6:13..6:15 the element type of `{}` cannot be inferred
                hint: say what it holds: `let d: Dict[str, i64] = {}`, or `let d = Dict[str, i64]()`
            E0210 7:13..7:23 the type argument `T` of `zeros` cannot be inferred
                hint: give it explicitly: `zeros[...](...)`
        "#]],
    );
}

#[test]
fn missing_return() {
    check(
        "
fn sign(n: i64) -> i64:
    if n > 0:
        return 1
    elif n < 0:
        return -1

fn nothing(n: i64) -> i64:
    pass

fn all_paths(n: i64) -> i64:
    if n > 0:
        return 1
    else:
        raise Error('negative')

fn loops(n: i64) -> i64:
    while True:
        if n > 0:
            break

fn search(xs: List[i64], x: i64) -> i64:
    for i in range(len(xs)):
        if xs[i] == x:
            return i

fn parse(s: str) -> i64:
    try:
        return i64(s)
    except e:
        print(e)

fn pick(flag: bool) -> i64:
    if flag:
        return 1
    else:
        let x = 2
        print(x)

fn endless() -> i64:
    while True:
        pass
",
        expect![[r#"
            E0211 5:10..5:15 `sign` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
            E0211 9:5..9:9 `nothing` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
            E0211 18:11..18:15 `loops` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
            E0211 23:14..23:28 `search` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
            E0211 31:9..31:17 `parse` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
            E0211 38:9..38:17 `pick` does not return a value on every path
                hint: end this path with `return` and a value of type `i64`, or `raise` an error if it cannot happen
        "#]],
    );
}

#[test]
fn return_values() {
    check(
        "
fn a():
    return 1

fn b() -> i64:
    return

fn c() -> f64:
    return 1
",
        expect![[r#"
            E0200 3:12..3:13 `a` has no return type, but returns a value
                hint: declare the return type: `-> i64`
            E0200 6:5..6:11 `b` must return a value of type `i64`
        "#]],
    );
}

#[test]
fn immutable_bindings() {
    check(
        "
struct P:
    x: f64

    fn scale(mut self, k: f64):
        self.x *= k

    fn reset(self):
        self.x = 0.0

fn f(p: P, xs: List[P]):
    let n = 1
    n = 2
    let q = P(1.0)
    q.x = 2.0
    q.scale(2.0)
    p.scale(2.0)
    p.x += 1.0
    xs[0].x = 1.0
    xs[0].scale(2.0)
    xs.append(q)
    for i in range(3):
        i = 4
",
        expect![[r#"
            E0212 9:9..9:15 cannot assign to the immutable receiver `self`
                hint: declare the method with `mut self` to change the receiver
            E0212 13:5..13:6 cannot assign to the immutable `let` binding `n`
                hint: declare it with `var` to allow changes: `var n = ...`
            E0212 15:5..15:8 cannot assign to the immutable `let` binding `q`
                hint: declare it with `var` to allow changes: `var q = ...`
            E0213 16:5..16:6 cannot call a `mut self` method on the immutable `let` binding `q`
                hint: declare it with `var` to allow changes: `var q = ...`
            E0213 17:5..17:6 cannot call a `mut self` method on the immutable parameter `p`
                hint: copy it into a variable first: `var p = p`
            E0212 18:5..18:8 cannot assign to the immutable parameter `p`
                hint: copy it into a variable first: `var p = p`
            E0212 23:9..23:10 cannot assign to the immutable loop variable `i`
        "#]],
    );
}

#[test]
fn invalid_casts_and_python_values() {
    check(
        "
from python import numpy as np

struct P:
    x: f64

fn f(p: P):
    let a = i64(p)
    let b: i64 = np.array([1])
    let c: f64 = np.pi * 2
    let d = np.zeros(p)
    let e = Tensor[f32](p)
",
        expect![[r#"
            E0214 8:17..8:18 cannot convert `P` to `i64`
                hint: convert one of its fields instead
            E0215 9:18..9:31 expected `i64`, found a Python object
                hint: convert it explicitly: `i64(np.array([1]))`
            E0215 10:18..10:27 expected `f64`, found a Python object
                hint: convert it explicitly: `f64(np.pi * 2)`
            E0200 11:22..11:23 a value of type `P` cannot be passed to Python
            E0214 12:25..12:26 cannot convert `P` to `Tensor[f32]`
                hint: `Tensor[f32](...)` converts a Python object (e.g. a numpy array) or another tensor
        "#]],
    );
}

#[test]
fn iteration_and_patterns() {
    check(
        "
fn f(n: i64, p: (i64, i64, i64)):
    for x in n:
        pass
    for a, b in [1, 2]:
        pass
    let (x, y) = p
    let (u, v) = 5
",
        expect![[r#"
            E0216 3:14..3:15 a value of type `i64` cannot be iterated
                hint: to count from 0 up to `n`, iterate over `range(n)`
            E0217 5:9..5:13 a pattern of 2 names cannot unpack `i64`
                hint: an `i64` is not a tuple: bind it to a single name
            E0217 7:9..7:15 a pattern of 2 names cannot unpack a tuple of 3 elements
                hint: write 3 names to unpack it: `(x, y, item2)`
            E0217 8:9..8:15 a pattern of 2 names cannot unpack `i64`
                hint: an `i64` is not a tuple: bind it to a single name
        "#]],
    );
}

#[test]
fn conditions_must_be_bool() {
    check(
        "
fn f(n: i64, xs: List[i64], s: str):
    if n:
        pass
    while xs:
        pass
    assert s, 'non-empty'
    let a = n and True
    let b = not n
",
        expect![[r#"
            E0219 3:8..3:9 expected a `bool` condition, found `i64`
                hint: compare explicitly: `n != 0`
            E0219 5:11..5:13 expected a `bool` condition, found `List[i64]`
                hint: test the length: `len(xs) > 0`
            E0219 7:12..7:13 expected a `bool` condition, found `str`
                hint: test the length: `len(s) > 0`
            E0219 8:13..8:14 expected a `bool` condition, found `i64`
                hint: compare explicitly: `n != 0`
            E0219 9:17..9:18 expected a `bool` condition, found `i64`
                hint: compare explicitly: `n != 0`
        "#]],
    );
}

#[test]
fn void_values() {
    check(
        "
fn g():
    pass

fn f():
    let a = g()
    let b = print('x') + 1
    print(g())
",
        expect![[r#"
            E0220 6:13..6:16 `g()` returns nothing; it has no value to use
                hint: give the function a return type, or call it as a statement
            E0220 7:13..7:23 `print("x")` returns nothing; it has no value to use
                hint: give the function a return type, or call it as a statement
            E0220 8:11..8:14 `g()` returns nothing; it has no value to use
                hint: give the function a return type, or call it as a statement
        "#]],
    );
}

#[test]
fn printable_and_format_specs() {
    check(
        "
fn f(n: i64, x: f64, s: str, xs: List[i64]):
    let r = range(3)
    print(r)
    let a = f\"{r}\"
    let b = f\"{n:.2f} {x:d} {s:+} {xs:>10} {n:q}\"
    let c = f\"{x:.3f} {n:08,d} {s:>10s} {xs:^20}\"
",
        expect![[r#"
            E0221 4:11..4:12 a value of type `Iterator[i64]` cannot be printed
                hint: iterate over it with `for`, or collect the values into a `List`
            E0221 5:16..5:17 a value of type `Iterator[i64]` cannot be printed
                hint: iterate over it with `for`, or collect the values into a `List`
            E0222 6:23..6:28 invalid format spec `d`: the format type `d` is not allowed for `f64`
                hint: write e.g. `f`; the float format types are `f`, `e`, `g` and `%`
            E0222 6:29..6:34 invalid format spec `+`: a sign, `#`, grouping or `=` alignment is not allowed for `str`
                hint: write e.g. `>10`; a `str` takes a fill, alignment and width, and the format type `s`
            E0222 6:44..6:49 invalid format spec `q`: unknown format type `q`
                hint: write e.g. `d`; the integer format types are `d`, `x`, `o`, `b` and `n`
        "#]],
    );
}

#[test]
fn dict_keys_must_be_hashable() {
    check(
        "
fn f():
    let a = Dict[f64, i64]()
    let b = {1.5: 'x'}
    let c: Dict[List[i64], i64] = {}
    let ok = Dict[(i64, str), bool]()
",
        expect![[r#"
            E0225 3:18..3:21 `f64` cannot be a Dict key
                hint: use a `str`, integer or tuple key that identifies the value
            E0225 4:14..4:17 `f64` cannot be a Dict key
                hint: use a `str`, integer or tuple key that identifies the value
            E0225 5:17..5:26 `List[i64]` cannot be a Dict key
                hint: use a tuple key such as `(i64, i64)` for a fixed number of elements, or a `str` key
        "#]],
    );
}

#[test]
fn raise_values() {
    check(
        "
fn f():
    raise 'failed'

fn g():
    raise
",
        expect![[r#"
            E0200 3:11..3:19 only an `Error` can be raised, not `str`
                hint: wrap the message: `raise Error("failed")`
            E0504 6:5..6:10 `raise` without a value outside an `except` block
                hint: raise a new error: `raise Error("message")`
        "#]],
    );
}

#[test]
fn one_mistake_one_diagnostic() {
    check(
        "
fn f(xs: List[i64]):
    let a = undefined_thing
    let b = a + 1
    let c = b.field.other
    let d = [a, b, c]
    for x in a:
        print(x * 2, a[0], len(a))
    let e = xs[a] + xs.pop(a)
",
        expect![[r#"
            E0100 3:13..3:28 unknown name `undefined_thing`
        "#]],
    );
}

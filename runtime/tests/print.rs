//! `print` and `str()` of values by descriptor, against the expected outputs of
//! `tests/run` (`print_containers.out`, `float_repr.out`, `float_f32_arithmetic.out`,
//! `float_f16_bf16.out`).

mod common;

use common::*;
use mlc_runtime::live_objects;
use mlc_runtime::object::Handle;
use mlc_runtime::print::{capture_output, mlc_print, mlc_print_str};

/// One value to print: its bytes and descriptor.
struct Arg(Vec<u8>, &'static str);

fn arg<T>(value: T, desc: &'static str) -> Arg {
    let bytes = (&value as *const T).cast::<u8>();
    // SAFETY: reading the bytes of a local value (plain data or handles we keep alive).
    let bytes = unsafe { std::slice::from_raw_parts(bytes, size_of::<T>()) }.to_vec();
    std::mem::forget(value);
    Arg(bytes, desc)
}

/// `print(args...)` as generated code calls it: each value, a space between, a newline.
fn print_line(args: &[Arg]) -> String {
    let space = new_str(" ");
    let newline = new_str("\n");
    let (_, text) = capture_output(|| {
        for (i, Arg(bytes, desc)) in args.iter().enumerate() {
            // SAFETY: live strings; each value matches its descriptor.
            unsafe {
                if i > 0 {
                    mlc_print_str(space);
                }
                mlc_print(bytes.as_ptr(), c(desc));
            }
        }
        // SAFETY: a live string.
        unsafe { mlc_print_str(newline) };
    });
    release(space);
    release(newline);
    text
}

#[test]
fn print_containers_out() {
    let before = live_objects();
    {
        let mut pool = Pool::default();
        let mut line = Vec::new();
        let ints = pool.keep(list_of::<i64>("i64", &[1, 2, 3]));
        let floats = pool.keep(list_of::<f64>("f64", &[1.5, 2.0]));
        let bools = pool.keep(list_of::<u8>("b", &[1, 0]));
        line.push(print_line(&[arg(ints, "L[i64]"), arg(floats, "L[f64]"), arg(bools, "L[b]")]));
        let ab = pool.keep(str_list(&["a", "b"]));
        let x = pool.keep(str_list(&["x"]));
        let empty = pool.keep(str_list(&[]));
        let nested = pool.keep(list_of("L[s]", &[x, empty]));
        let no_ints = pool.keep(list_of::<i64>("i64", &[]));
        line.push(print_line(&[arg(ab, "L[s]"), arg(nested, "L[L[s]]"), arg(no_ints, "L[i64]")]));
        #[repr(C)]
        struct T3(i64, Handle, f64);
        #[repr(C)]
        struct T2((i64, i64), Handle);
        let only = pool.s("only");
        let three = pool.keep(list_of::<i64>("i64", &[3]));
        line.push(print_line(&[
            arg(T3(1, pool.s("a"), 2.5), "(i64,s,f64)"),
            arg(only, "(s)"),
            arg(T2((1, 2), three), "((i64,i64),L[i64])"),
        ]));
        // SAFETY: dicts of the described types.
        let (kj, one, no_dict) = unsafe {
            let kj = pool.keep(mlc_runtime::dict::mlc_dict_new(c("s"), c("i64")));
            mlc_runtime::dict::mlc_dict_set(
                kj,
                (&pool.s("k") as *const Handle).cast(),
                (&1i64 as *const i64).cast(),
            );
            mlc_runtime::dict::mlc_dict_set(
                kj,
                (&pool.s("j") as *const Handle).cast(),
                (&2i64 as *const i64).cast(),
            );
            let one = pool.keep(mlc_runtime::dict::mlc_dict_new(c("i64"), c("s")));
            mlc_runtime::dict::mlc_dict_set(
                one,
                (&1i64 as *const i64).cast(),
                (&pool.s("one") as *const Handle).cast(),
            );
            let no_dict = pool.keep(mlc_runtime::dict::mlc_dict_new(c("s"), c("i64")));
            (kj, one, no_dict)
        };
        line.push(print_line(&[
            arg(kj, "D[s,i64]"),
            arg(one, "D[i64,s]"),
            arg(no_dict, "D[s,i64]"),
        ]));
        #[repr(C)]
        struct Named(Handle, f64);
        let named = "S[Named|name:s,score:f64]";
        line.push(print_line(&[arg(Named(pool.s("ann"), 9.5), named)]));
        let bob = Named(pool.s("bob"), 0.5);
        let people = pool.keep(list_of("S[Named|name:s,score:f64]", &[bob]));
        line.push(print_line(&[arg(people, "L[S[Named|name:s,score:f64]]")]));
        let quote = pool.keep(str_list(&["it's"]));
        let say = pool.keep(str_list(&["say \"hi\""]));
        line.push(print_line(&[arg(pool.s("it's"), "s"), arg(quote, "L[s]"), arg(say, "L[s]")]));
        let tricky = pool.keep(list_of::<f64>("f64", &[0.1, 1e-05, 1e+16, -0.0]));
        line.push(print_line(&[arg(tricky, "L[f64]")]));
        assert_eq!(
            line.concat(),
            "[1, 2, 3] [1.5, 2.0] [True, False]\n\
             ['a', 'b'] [['x'], []] []\n\
             (1, 'a', 2.5) ('only',) ((1, 2), [3])\n\
             {'k': 1, 'j': 2} {1: 'one'} {}\n\
             Named(name='ann', score=9.5)\n\
             [Named(name='bob', score=0.5)]\n\
             it's [\"it's\"] ['say \"hi\"']\n\
             [0.1, 1e-05, 1e+16, -0.0]\n"
        );
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn numbers_print_like_the_run_corpus() {
    assert_eq!(printed(&0.1f32, "f32"), "0.10000000149011612");
    assert_eq!(printed(&16777218.0f32, "f32"), "16777218.0");
    assert_eq!(printed(&f32::INFINITY, "f32"), "inf");
    assert_eq!(printed(&f64::NAN, "f64"), "nan");
    assert_eq!(printed(&-f64::NAN, "f64"), "nan");
    assert_eq!(printed(&mlc_runtime::numbers::f32_to_f16_bits(2050.0), "f16"), "2050.0");
    assert_eq!(printed(&mlc_runtime::numbers::f32_to_bf16_bits(0.1), "bf16"), "0.10009765625");
    assert_eq!(printed(&-128i8, "i8"), "-128");
    assert_eq!(printed(&u64::MAX, "u64"), "18446744073709551615");
    assert_eq!(printed(&4_000_000_000u32, "u32"), "4000000000");
    assert_eq!(printed(&1u8, "b"), "True");
    assert_eq!(printed(&(), "()"), "()");
    assert_eq!(
        printed(&(1i64, 2i64), "S[Pair[i64]|first:i64,second:i64]"),
        "Pair(first=1, second=2)"
    );
}

#[test]
fn errors_print_their_message() {
    let before = live_objects();
    let message = new_str("bad");
    // SAFETY: a live string.
    let error = unsafe { mlc_runtime::error::mlc_error_new(message) };
    assert_eq!(printed(&error, "E"), "bad");
    let list = list_of("E", &[error]);
    assert_eq!(printed(&list, "L[E]"), "[Error('bad')]");
    for handle in [message, error, list] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

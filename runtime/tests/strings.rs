//! `str` built-ins through their C functions: code-point indexing, slicing, the methods of
//! `tests/run/str_methods.ml`, parsing casts that raise, and reference counts.

mod common;

use common::{
    new_str, release, str_list, str_list_values, take_error, take_text, text, Pool, COL, FILE, LINE,
};
use mlc_runtime::live_objects;
use mlc_runtime::str::*;

fn s(text: &str) -> mlc_runtime::object::Handle {
    new_str(text)
}

#[test]
fn length_and_indexing_count_code_points() {
    let before = live_objects();
    // SAFETY: live strings throughout.
    unsafe {
        let word = s("héllo😀");
        assert_eq!(mlc_str_len(word, FILE, LINE, COL), 6);
        assert_eq!(take_text(mlc_str_getitem(word, 1, FILE, LINE, COL)), "é");
        assert_eq!(take_text(mlc_str_getitem(word, -1, FILE, LINE, COL)), "😀");
        assert_eq!(take_text(mlc_str_getitem(word, 0, FILE, LINE, COL)), "h");
        let ascii = s("abc");
        assert_eq!(take_text(mlc_str_getitem(ascii, -3, FILE, LINE, COL)), "a");
        release(word);
        release(ascii);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn slices_follow_python() {
    // SAFETY: live strings.
    unsafe {
        let text = s("abcdefgh");
        let slice = |start, stop, step, present| {
            take_text(mlc_str_slice(text, start, stop, step, present, FILE, LINE, COL))
        };
        assert_eq!(slice(2, 5, 0, 0b011), "cde");
        assert_eq!(slice(5, 0, 0, 0b001), "fgh");
        assert_eq!(slice(0, 3, 0, 0b010), "abc");
        assert_eq!(slice(0, 0, 0, 0b011), "");
        assert_eq!(slice(0, 0, -1, 0b100), "hgfedcba");
        assert_eq!(slice(1, 0, 3, 0b101), "beh");
        assert_eq!(slice(-3, -100, -2, 0b111), "fdb");
        release(text);
        let wide = s("añb😀c");
        assert_eq!(take_text(mlc_str_slice(wide, 1, 4, 0, 0b011, FILE, LINE, COL)), "ñb😀");
        assert_eq!(take_text(mlc_str_slice(wide, 0, 0, 2, 0b100, FILE, LINE, COL)), "abc");
        release(wide);
    }
}

#[test]
fn methods_match_str_methods_ml() {
    let before = live_objects();
    {
        let mut pool = Pool::default();
        let null = std::ptr::null_mut();
        // SAFETY: live strings and lists.
        unsafe {
            let line = pool.s("  alpha,beta,,gamma  ");
            let stripped = pool.keep(mlc_str_strip(line, null, FILE, LINE, COL));
            let parts = mlc_str_split(stripped, pool.s(","), FILE, LINE, COL);
            assert_eq!(str_list_values(parts), ["alpha", "beta", "", "gamma"]);
            release(parts);
            assert_eq!(
                take_text(mlc_str_lstrip(line, null, FILE, LINE, COL)),
                "alpha,beta,,gamma  "
            );
            assert_eq!(
                take_text(mlc_str_rstrip(line, null, FILE, LINE, COL)),
                "  alpha,beta,,gamma"
            );
            let words = mlc_str_split(pool.s("  many   spaces here "), null, FILE, LINE, COL);
            assert_eq!(str_list_values(words), ["many", "spaces", "here"]);
            release(words);
            let words = mlc_str_split(pool.s("a b  c"), pool.s(" "), FILE, LINE, COL);
            assert_eq!(str_list_values(words), ["a", "b", "", "c"]);
            release(words);
            assert_eq!(
                take_text(mlc_str_strip(pool.s("xxhixx"), pool.s("x"), FILE, LINE, COL)),
                "hi"
            );
            assert_eq!(
                take_text(mlc_str_lstrip(pool.s("--a--"), pool.s("-"), FILE, LINE, COL)),
                "a--"
            );
            assert_eq!(
                take_text(mlc_str_rstrip(pool.s("--a--"), pool.s("-"), FILE, LINE, COL)),
                "--a"
            );
            let dash = pool.s("-");
            let parts = pool.keep(str_list(&["2024", "01", "31"]));
            assert_eq!(take_text(mlc_str_join(dash, parts, FILE, LINE, COL)), "2024-01-31");
            let empty_list = pool.keep(str_list(&[]));
            assert_eq!(take_text(mlc_str_join(pool.s(", "), empty_list, FILE, LINE, COL)), "");
            let file = pool.s("filename.ml");
            assert!(mlc_str_endswith(file, pool.s(".ml"), FILE, LINE, COL));
            assert!(mlc_str_startswith(file, pool.s("file"), FILE, LINE, COL));
            assert!(!mlc_str_startswith(pool.s("x"), pool.s("xy"), FILE, LINE, COL));
            let hello = pool.s("héllo");
            assert_eq!(mlc_str_find(hello, pool.s("l"), FILE, LINE, COL), 2);
            assert_eq!(mlc_str_find(hello, pool.s("lo"), FILE, LINE, COL), 3);
            assert_eq!(mlc_str_find(hello, pool.s("z"), FILE, LINE, COL), -1);
            assert_eq!(mlc_str_find(hello, pool.s(""), FILE, LINE, COL), 0);
            assert!(mlc_str_contains(hello, pool.s("él"), FILE, LINE, COL));
            let replace = |pool: &mut Pool, text: &str, old: &str, new: &str| {
                take_text(mlc_str_replace(pool.s(text), pool.s(old), pool.s(new), FILE, LINE, COL))
            };
            assert_eq!(replace(&mut pool, "a.b.c", ".", "::"), "a::b::c");
            assert_eq!(replace(&mut pool, "aaa", "a", "ab"), "ababab");
            assert_eq!(replace(&mut pool, "abc", "x", "y"), "abc");
            assert_eq!(replace(&mut pool, "abc", "", "-"), "-a-b-c-");
            assert_eq!(
                take_text(mlc_str_upper(pool.s("MiXeD 123 ß"), FILE, LINE, COL)),
                "MIXED 123 SS"
            );
            assert_eq!(take_text(mlc_str_lower(pool.s("MiXeD 123"), FILE, LINE, COL)), "mixed 123");
            assert!(mlc_str_isdigit(pool.s("12345"), FILE, LINE, COL));
            assert!(!mlc_str_isdigit(pool.s("12a"), FILE, LINE, COL));
            assert!(!mlc_str_isdigit(pool.s(""), FILE, LINE, COL));
            assert_eq!(take_text(mlc_str_repeat(pool.s("ab"), 3, FILE, LINE, COL)), "ababab");
            assert_eq!(take_text(mlc_str_repeat(pool.s("ab"), -1, FILE, LINE, COL)), "");
            assert!(mlc_str_eq(pool.s("abc"), pool.s("abc"), FILE, LINE, COL));
            let compare = |pool: &mut Pool, a: &str, b: &str| {
                mlc_str_compare(pool.s(a), pool.s(b), FILE, LINE, COL)
            };
            assert_eq!(compare(&mut pool, "apple", "pear"), -1);
            assert_eq!(compare(&mut pool, "b", "a"), 1);
            assert_eq!(compare(&mut pool, "é", "z"), 1);
            assert_eq!(compare(&mut pool, "ab", "ab"), 0);
            assert_eq!(compare(&mut pool, "ab", "abc"), -1);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn concat_and_new() {
    let before = live_objects();
    let parts = [s("a"), s("bé"), s(""), s("c")];
    // SAFETY: an array of live strings.
    let joined = unsafe { mlc_str_concat(parts.as_ptr(), parts.len() as i64) };
    assert_eq!(take_text(joined), "abéc");
    for part in parts {
        release(part);
    }
    // Invalid UTF-8 becomes U+FFFD rather than undefined behavior; NUL bytes are kept.
    let bytes = [b'a', 0xff, 0, b'b'];
    // SAFETY: four readable bytes.
    let odd = unsafe { mlc_str_new(bytes.as_ptr(), 4) };
    assert_eq!(text(odd), "a\u{fffd}\0b");
    release(odd);
    assert_eq!(live_objects(), before);
}

#[test]
fn number_casts_raise_on_bad_text() {
    let before = live_objects();
    // SAFETY: live strings.
    unsafe {
        let good = s(" -17 ");
        assert_eq!(mlc_str_to_i64(good, FILE, LINE, COL), -17);
        assert_eq!(take_error(), None);
        let bad = s("abc");
        assert_eq!(mlc_str_to_i64(bad, FILE, LINE, COL), 0);
        assert_eq!(
            take_error().as_deref(),
            Some("ValueError: invalid literal for int() with base 10: 'abc'")
        );
        let float = s("1e3");
        assert_eq!(mlc_str_to_f64(float, FILE, LINE, COL), 1000.0);
        assert_eq!(mlc_str_to_f64(bad, FILE, LINE, COL), 0.0);
        assert_eq!(
            take_error().as_deref(),
            Some("ValueError: could not convert string to float: 'abc'")
        );
        for handle in [good, bad, float] {
            release(handle);
        }
    }
    assert_eq!(live_objects(), before);
}

//! `List` through its C functions: the sequence of `tests/run/list_methods.ml`, sorting of
//! strings, tuples and floats, errors that raise, aliasing (`xs.extend(xs)`), and reference
//! counts returning to zero.

mod common;

use common::*;
use mlc_runtime::list::*;
use mlc_runtime::live_objects;
use mlc_runtime::object::Handle;

fn show_ints(list: Handle) -> String {
    show(list, "L[i64]")
}

#[test]
fn list_methods_ml() {
    let before = live_objects();
    // SAFETY: live lists of `i64` and valid element pointers.
    unsafe {
        let xs = list_of::<i64>("i64", &[5, 3, 8]);
        mlc_list_append(xs, (&1i64 as *const i64).cast());
        assert_eq!((show_ints(xs), mlc_list_len(xs)), ("[5, 3, 8, 1]".to_string(), 4));
        let mut out = 0i64;
        mlc_list_pop(xs, -1, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!((out, show_ints(xs)), (1, "[5, 3, 8]".to_string()));
        mlc_list_pop(xs, 0, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!((out, show_ints(xs)), (5, "[3, 8]".to_string()));
        mlc_list_insert(xs, 1, (&42i64 as *const i64).cast(), FILE, LINE, COL);
        mlc_list_insert(xs, 0, (&-1i64 as *const i64).cast(), FILE, LINE, COL);
        assert_eq!(show_ints(xs), "[-1, 3, 42, 8]");
        let more = list_of::<i64>("i64", &[7, 7, 2]);
        mlc_list_extend(xs, more, FILE, LINE, COL);
        assert_eq!(show_ints(xs), "[-1, 3, 42, 8, 7, 7, 2]");
        assert_eq!(mlc_list_count(xs, (&7i64 as *const i64).cast(), FILE, LINE, COL), 2);
        assert_eq!(mlc_list_index(xs, (&42i64 as *const i64).cast(), FILE, LINE, COL), 2);
        mlc_list_sort(xs, FILE, LINE, COL);
        assert_eq!(show_ints(xs), "[-1, 2, 3, 7, 7, 8, 42]");
        mlc_list_reverse(xs, FILE, LINE, COL);
        assert_eq!(show_ints(xs), "[42, 8, 7, 7, 3, 2, -1]");
        let ys = mlc_list_copy(xs, FILE, LINE, COL);
        mlc_list_clear(xs, FILE, LINE, COL);
        assert_eq!(
            (show_ints(xs), mlc_list_len(xs), show_ints(ys)),
            ("[]".into(), 0, "[42, 8, 7, 7, 3, 2, -1]".into())
        );
        let a = list_of::<i64>("i64", &[1, 2]);
        let b = list_of::<i64>("i64", &[3]);
        let c = list_of::<i64>("i64", &[2, 1]);
        let ab = mlc_list_concat(a, b, FILE, LINE, COL);
        assert_eq!(show_ints(ab), "[1, 2, 3]");
        assert!(mlc_list_eq(a, a, FILE, LINE, COL));
        assert!(!mlc_list_eq(a, c, FILE, LINE, COL));
        assert_eq!(mlc_list_compare(a, c, FILE, LINE, COL), -1);
        assert_eq!(mlc_list_compare(ab, a, FILE, LINE, COL), 1);
        assert_eq!(mlc_list_compare(a, ab, FILE, LINE, COL), -1);
        assert!(mlc_list_contains(ab, (&3i64 as *const i64).cast(), FILE, LINE, COL));
        let twice = mlc_list_repeat(c, 2, FILE, LINE, COL);
        assert_eq!(show_ints(twice), "[2, 1, 2, 1]");
        mlc_list_min(twice, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!(out, 1);
        mlc_list_max(twice, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!(out, 2);
        mlc_list_append(xs, (&3i64 as *const i64).cast());
        mlc_list_set(xs, 0, (&30i64 as *const i64).cast(), FILE, LINE, COL);
        mlc_list_set(xs, -1, (&31i64 as *const i64).cast(), FILE, LINE, COL);
        assert_eq!(show_ints(xs), "[31]");
        let slice = mlc_list_slice(ys, 1, 4, 0, 0b011, FILE, LINE, COL);
        assert_eq!(show_ints(slice), "[8, 7, 7]");
        let reversed = mlc_list_slice(ys, 0, 0, -2, 0b100, FILE, LINE, COL);
        assert_eq!(show_ints(reversed), "[-1, 3, 7, 42]");
        for list in [xs, more, ys, a, b, c, ab, twice, slice, reversed] {
            release(list);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn sorting_strings_tuples_and_floats() {
    let before = live_objects();
    // SAFETY: lists of the described element types.
    unsafe {
        let words = str_list(&["pear", "apple", "fig"]);
        mlc_list_sort(words, FILE, LINE, COL);
        assert_eq!(show(words, "L[s]"), "['apple', 'fig', 'pear']");
        release(words);

        #[repr(C)]
        #[derive(Clone, Copy)]
        struct Pair(i64, Handle);
        let (b, z, a) = (new_str("b"), new_str("z"), new_str("a"));
        let pairs = list_of("(i64,s)", &[Pair(2, b), Pair(1, z), Pair(2, a)]);
        for handle in [b, z, a] {
            assert_eq!(refcount(handle), 2);
            release(handle);
        }
        mlc_list_sort(pairs, FILE, LINE, COL);
        assert_eq!(show(pairs, "L[(i64,s)]"), "[(1, 'z'), (2, 'a'), (2, 'b')]");
        release(pairs);

        let floats = list_of::<f64>("f64", &[2.5, -1.0, 0.5, f64::NAN, -0.0]);
        mlc_list_sort(floats, FILE, LINE, COL);
        assert_eq!(mlc_list_len(floats), 5);
        release(floats);
        let floats = list_of::<f64>("f64", &[2.5, -1.0, 0.5]);
        mlc_list_sort(floats, FILE, LINE, COL);
        assert_eq!(show(floats, "L[f64]"), "[-1.0, 0.5, 2.5]");
        release(floats);

        // Stable: equal keys keep their order (tuples compare on the first field only here
        // because the second is equal).
        let many: Vec<i64> = (0..1000).map(|i| (i * 7919) % 101).collect();
        let list = list_of::<i64>("i64", &many);
        mlc_list_sort(list, FILE, LINE, COL);
        let mut expected = many.clone();
        expected.sort();
        assert_eq!(list_values::<i64>(list), expected);
        release(list);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn errors_raise_and_leave_zero() {
    let before = live_objects();
    // SAFETY: live lists.
    unsafe {
        let empty = list_of::<i64>("i64", &[]);
        let mut out = 99i64;
        mlc_list_pop(empty, -1, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!(out, 0);
        assert_eq!(take_error().as_deref(), Some("IndexError: pop from empty list"));
        mlc_list_max(empty, (&raw mut out).cast(), FILE, LINE, COL);
        assert_eq!(take_error().as_deref(), Some("ValueError: max() arg is an empty sequence"));
        let words = str_list(&["a"]);
        let missing = new_str("it's");
        mlc_list_index(words, (&missing as *const Handle).cast(), FILE, LINE, COL);
        assert_eq!(take_error().as_deref(), Some("ValueError: \"it's\" is not in list"));
        let mut popped: Handle = std::ptr::null_mut();
        mlc_list_pop(words, 5, (&raw mut popped).cast(), FILE, LINE, COL);
        assert!(popped.is_null());
        assert_eq!(take_error().as_deref(), Some("IndexError: pop index out of range"));
        for handle in [empty, words, missing] {
            release(handle);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn aliasing_and_reference_counts() {
    let before = live_objects();
    // SAFETY: live lists and strings.
    unsafe {
        let word = new_str("w");
        let words = list_of("s", &[word]);
        assert_eq!(refcount(word), 2);
        mlc_list_extend(words, words, FILE, LINE, COL);
        assert_eq!((mlc_list_len(words), refcount(word)), (2, 3));
        // `xs[0] = xs[0]`: the element is retained before the old one is released.
        let mut first: Handle = std::ptr::null_mut();
        mlc_list_get(words, 0, (&raw mut first).cast(), FILE, LINE, COL);
        assert_eq!(refcount(word), 4);
        release(first);
        mlc_list_set(words, 0, (&word as *const Handle).cast(), FILE, LINE, COL);
        assert_eq!(refcount(word), 3);
        let nested = list_of("L[s]", &[words, words]);
        assert_eq!(refcount(words), 3);
        assert_eq!(show(nested, "L[L[s]]"), "[['w', 'w'], ['w', 'w']]");
        let copy = mlc_list_copy(nested, FILE, LINE, COL);
        assert_eq!(refcount(words), 5);
        release(copy);
        release(nested);
        assert_eq!(refcount(words), 1);
        mlc_list_clear(words, FILE, LINE, COL);
        assert_eq!(refcount(word), 1);
        release(words);
        release(word);
        // Lists of empty tuples have zero-sized elements.
        let units = mlc_list_new(c("()"), 0);
        for _ in 0..5 {
            mlc_list_append(units, std::ptr::NonNull::<u8>::dangling().as_ptr());
        }
        assert_eq!(show(units, "L[()]"), "[(), (), (), (), ()]");
        release(units);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn large_lists_grow() {
    let before = live_objects();
    let values: Vec<i64> = (0..100_000).collect();
    let list = list_of::<i64>("i64", &values);
    assert_eq!(list_values::<i64>(list), values);
    release(list);
    assert_eq!(live_objects(), before);
}

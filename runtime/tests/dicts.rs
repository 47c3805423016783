//! `Dict` through its C functions: the sequence of `tests/run/dict_methods.ml`, insertion
//! order under many insertions and removals (against a model), keys of every kind, and
//! reference counts returning to zero.

mod common;

use common::*;
use mlc_runtime::dict::*;
use mlc_runtime::live_objects;
use mlc_runtime::object::Handle;

fn set<K, V>(d: Handle, key: &K, value: &V) {
    // SAFETY: a live dict of these key and value types.
    unsafe { mlc_dict_set(d, (key as *const K).cast(), (value as *const V).cast()) }
}

fn get<K, V: Default>(d: Handle, key: &K) -> V {
    let mut out = V::default();
    // SAFETY: as above.
    unsafe {
        mlc_dict_getitem(d, (key as *const K).cast(), (&raw mut out).cast(), FILE, LINE, COL)
    };
    out
}

#[test]
fn dict_methods_ml() {
    let before = live_objects();
    {
        let mut pool = Pool::default();
        // SAFETY: dicts of `str -> i64` and valid pointers.
        unsafe {
            let ages = mlc_dict_new(c("s"), c("i64"));
            set(ages, &pool.s("ann"), &31i64);
            set(ages, &pool.s("bob"), &27i64);
            set(ages, &pool.s("cid"), &45i64);
            set(ages, &pool.s("ann"), &32i64);
            assert_eq!(show(ages, "D[s,i64]"), "{'ann': 32, 'bob': 27, 'cid': 45}");
            assert_eq!(mlc_dict_len(ages), 3);
            assert_eq!(get::<Handle, i64>(ages, &pool.s("bob")), 27);
            let mut out = 0i64;
            mlc_dict_get(
                ages,
                (&pool.s("zed") as *const Handle).cast(),
                (&-1i64 as *const i64).cast(),
                (&raw mut out).cast(),
                FILE,
                LINE,
                COL,
            );
            assert_eq!(out, -1);
            assert!(mlc_dict_contains(ages, (&pool.s("cid") as *const Handle).cast()));
            assert!(!mlc_dict_contains(ages, (&pool.s("dan") as *const Handle).cast()));
            let keys = mlc_dict_keys(ages, FILE, LINE, COL);
            assert_eq!(str_list_values(keys), ["ann", "bob", "cid"]);
            release(keys);
            let values = mlc_dict_values(ages, FILE, LINE, COL);
            assert_eq!(list_values::<i64>(values), [32, 27, 45]);
            release(values);
            let items = mlc_dict_items(ages, FILE, LINE, COL);
            assert_eq!(show(items, "L[(s,i64)]"), "[('ann', 32), ('bob', 27), ('cid', 45)]");
            release(items);
            mlc_dict_pop(
                ages,
                (&pool.s("bob") as *const Handle).cast(),
                std::ptr::null(),
                (&raw mut out).cast(),
                FILE,
                LINE,
                COL,
            );
            assert_eq!(out, 27);
            mlc_dict_pop(
                ages,
                (&pool.s("nobody") as *const Handle).cast(),
                (&0i64 as *const i64).cast(),
                (&raw mut out).cast(),
                FILE,
                LINE,
                COL,
            );
            assert_eq!(out, 0);
            assert_eq!(show(ages, "D[s,i64]"), "{'ann': 32, 'cid': 45}");
            let snapshot = mlc_dict_copy(ages, FILE, LINE, COL);
            mlc_dict_clear(ages, FILE, LINE, COL);
            assert_eq!((show(ages, "D[s,i64]"), mlc_dict_len(ages)), ("{}".to_string(), 0));
            assert_eq!(show(snapshot, "D[s,i64]"), "{'ann': 32, 'cid': 45}");
            assert_eq!(get::<Handle, i64>(ages, &pool.s("zed")), 0);
            assert_eq!(take_error().as_deref(), Some("KeyError: 'zed'"));
            mlc_dict_pop(
                ages,
                (&pool.s("x") as *const Handle).cast(),
                std::ptr::null(),
                (&raw mut out).cast(),
                FILE,
                LINE,
                COL,
            );
            assert_eq!(take_error().as_deref(), Some("KeyError: 'x'"));
            release(ages);
            release(snapshot);

            let numbers = mlc_dict_new(c("i64"), c("s"));
            set(numbers, &3i64, &pool.s("three"));
            set(numbers, &1i64, &pool.s("one"));
            assert_eq!(show(numbers, "D[i64,s]"), "{3: 'three', 1: 'one'}");
            assert_eq!(take_text(get::<i64, usize>(numbers, &1) as Handle), "one");
            release(numbers);

            #[repr(C)]
            struct Point(i64, i64);
            let points = mlc_dict_new(c("(i64,i64)"), c("f64"));
            set(points, &Point(0, 1), &1.5f64);
            set(points, &Point(2, 3), &-0.5f64);
            assert_eq!(get::<Point, f64>(points, &Point(2, 3)), -0.5);
            assert!(mlc_dict_contains(points, (&Point(0, 1) as *const Point).cast()));
            assert_eq!(show(points, "D[(i64,i64),f64]"), "{(0, 1): 1.5, (2, 3): -0.5}");
            release(points);

            let a = mlc_dict_new(c("s"), c("i64"));
            let b = mlc_dict_new(c("s"), c("i64"));
            set(a, &pool.s("a"), &1i64);
            set(b, &pool.s("a"), &1i64);
            assert!(mlc_dict_eq(a, b, FILE, LINE, COL));
            set(b, &pool.s("a"), &2i64);
            assert!(!mlc_dict_eq(a, b, FILE, LINE, COL));
            release(a);
            release(b);

            let flags = mlc_dict_new(c("b"), c("i64"));
            set(flags, &1u8, &1i64);
            set(flags, &0u8, &0i64);
            assert_eq!(get::<u8, i64>(flags, &1) + get::<u8, i64>(flags, &0), 1);
            assert_eq!(mlc_dict_len(flags), 2);
            assert_eq!(show(flags, "D[b,i64]"), "{True: 1, False: 0}");
            release(flags);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn insertion_order_survives_churn() {
    let before = live_objects();
    // SAFETY: a dict of `i64 -> i64`.
    unsafe {
        let d = mlc_dict_new(c("i64"), c("i64"));
        let mut model: Vec<(i64, i64)> = Vec::new();
        let mut state = 12345u64;
        for step in 0..20_000i64 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let key = ((state >> 33) % 3000) as i64;
            if state >> 63 == 1 {
                set(d, &key, &step);
                match model.iter_mut().find(|(k, _)| *k == key) {
                    Some(entry) => entry.1 = step,
                    None => model.push((key, step)),
                }
            } else {
                let mut out = 0i64;
                mlc_dict_pop(
                    d,
                    (&key as *const i64).cast(),
                    (&-1i64 as *const i64).cast(),
                    (&raw mut out).cast(),
                    FILE,
                    LINE,
                    COL,
                );
                let expected = match model.iter().position(|(k, _)| *k == key) {
                    Some(position) => model.remove(position).1,
                    None => -1,
                };
                assert_eq!(out, expected);
            }
        }
        assert_eq!(mlc_dict_len(d), model.len() as i64);
        let keys = mlc_dict_keys(d, FILE, LINE, COL);
        let values = mlc_dict_values(d, FILE, LINE, COL);
        assert_eq!(list_values::<i64>(keys), model.iter().map(|e| e.0).collect::<Vec<_>>());
        assert_eq!(list_values::<i64>(values), model.iter().map(|e| e.1).collect::<Vec<_>>());
        for (key, value) in &model {
            assert_eq!(get::<i64, i64>(d, key), *value);
        }
        release(keys);
        release(values);
        release(d);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn values_and_keys_are_released() {
    let before = live_objects();
    // SAFETY: a dict of `str -> List[str]`.
    unsafe {
        let d = mlc_dict_new(c("s"), c("L[s]"));
        let key = new_str("k");
        let list = str_list(&["a", "b"]);
        set(d, &key, &list);
        assert_eq!((refcount(key), refcount(list)), (2, 2));
        let replacement = str_list(&["c"]);
        set(d, &key, &replacement);
        assert_eq!((refcount(key), refcount(list), refcount(replacement)), (2, 1, 2));
        let mut out: Handle = std::ptr::null_mut();
        mlc_dict_pop(
            d,
            (&key as *const Handle).cast(),
            std::ptr::null(),
            (&raw mut out).cast(),
            FILE,
            LINE,
            COL,
        );
        assert_eq!(out, replacement);
        assert_eq!((refcount(key), refcount(replacement)), (1, 2));
        release(out);
        set(d, &key, &list);
        release(d);
        assert_eq!((refcount(key), refcount(list)), (1, 1));
        for handle in [key, list, replacement] {
            release(handle);
        }
    }
    assert_eq!(live_objects(), before);
}

//! The export table against `docs/runtime.md`: every documented function exists with the
//! documented parameter and result kinds, nothing undocumented is exported, names are
//! unique, addresses are real, and every `rt.builtin` name has its `mlc_<type>_<method>`.

use std::collections::{HashMap, HashSet};

use mlc_runtime::{exports, Abi};

use Abi::{Bool as B, Ptr as P, F32, F64, I32, I64};

/// `rt.builtin` names (`mlc_ir::dialect::rt::BUILTIN_NAMES`, plus the names its signatures
/// also accept: `str.repeat`, `list.repeat`, `list.min`, `list.max`, and the slices).
const BUILTINS: &[&str] = &[
    "str.len",
    "str.getitem",
    "str.contains",
    "str.eq",
    "str.compare",
    "str.split",
    "str.strip",
    "str.lstrip",
    "str.rstrip",
    "str.join",
    "str.startswith",
    "str.endswith",
    "str.find",
    "str.replace",
    "str.upper",
    "str.lower",
    "str.isdigit",
    "str.to_i64",
    "str.to_f64",
    "list.pop",
    "list.insert",
    "list.extend",
    "list.clear",
    "list.copy",
    "list.reverse",
    "list.sort",
    "list.index",
    "list.count",
    "list.contains",
    "list.concat",
    "list.eq",
    "list.compare",
    "dict.get",
    "dict.keys",
    "dict.values",
    "dict.items",
    "dict.pop",
    "dict.clear",
    "dict.copy",
    "dict.eq",
    "tensor.slice",
    "tensor.cast",
    "time.perf_counter",
    "time.time",
    "time.sleep",
    "math.erf",
    "str.repeat",
    "list.repeat",
    "list.min",
    "list.max",
    "str.slice",
    "list.slice",
];

/// Every documented function: name, parameters (`L` expands to the location `p, i32, i32`)
/// and result.
fn documented() -> Vec<(&'static str, Vec<Abi>, Option<Abi>)> {
    const L: [Abi; 3] = [P, I32, I32];
    let with_loc = |params: &[Abi]| -> Vec<Abi> { params.iter().copied().chain(L).collect() };
    let mut table: Vec<(&'static str, Vec<Abi>, Option<Abi>)> = vec![
        // Process, references, panics, errors.
        ("mlc_rt_init", vec![I32, P], None),
        ("mlc_rt_exit", vec![I64], Some(I32)),
        ("mlc_argv", vec![], Some(P)),
        ("mlc_retain", vec![P], None),
        ("mlc_release", vec![P], None),
        ("mlc_panic", with_loc(&[P]), None),
        ("mlc_assert_fail", with_loc(&[P]), None),
        ("mlc_err_raise", with_loc(&[P]), None),
        ("mlc_err_pending", vec![], Some(B)),
        ("mlc_err_take", vec![], Some(P)),
        ("mlc_error_new", vec![P], Some(P)),
        ("mlc_error_message", vec![P], Some(P)),
        // Numbers.
        ("mlc_ipow_i64", with_loc(&[I64, I64]), Some(I64)),
        ("mlc_floordiv_f64", vec![F64, F64], Some(F64)),
        ("mlc_floormod_f64", vec![F64, F64], Some(F64)),
        ("mlc_fmod_f64", vec![F64, F64], Some(F64)),
        ("mlc_f16_from_f32", vec![F32], Some(I32)),
        ("mlc_f16_to_f32", vec![I32], Some(F32)),
        ("mlc_bf16_from_f32", vec![F32], Some(I32)),
        ("mlc_bf16_to_f32", vec![I32], Some(F32)),
        ("mlc_round_f16", vec![F32], Some(F32)),
        ("mlc_round_bf16", vec![F32], Some(F32)),
        // Printing and strings.
        ("mlc_print", vec![P, P], None),
        ("mlc_print_str", vec![P], None),
        ("mlc_format", vec![P, P, P], Some(P)),
        ("mlc_str_new", vec![P, I64], Some(P)),
        ("mlc_str_concat", vec![P, I64], Some(P)),
        // Lists and dicts.
        ("mlc_list_new", vec![P, I64], Some(P)),
        ("mlc_list_len", vec![P], Some(I64)),
        ("mlc_list_get", with_loc(&[P, I64, P]), None),
        ("mlc_list_set", with_loc(&[P, I64, P]), None),
        ("mlc_list_append", vec![P, P], None),
        ("mlc_dict_new", vec![P, P], Some(P)),
        ("mlc_dict_len", vec![P], Some(I64)),
        ("mlc_dict_getitem", with_loc(&[P, P, P]), None),
        ("mlc_dict_set", vec![P, P, P], None),
        ("mlc_dict_contains", vec![P, P], Some(B)),
        // Tensors.
        ("mlc_tensor_zeros", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_ones", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_full", with_loc(&[P, P, P]), Some(P)),
        ("mlc_tensor_arange", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_random", with_loc(&[P, I64, P, B]), Some(P)),
        ("mlc_tensor_dim", with_loc(&[P, I64]), Some(I64)),
        ("mlc_tensor_numel", vec![P], Some(I64)),
        ("mlc_tensor_rank", vec![P], Some(I64)),
        ("mlc_tensor_shape", vec![P], Some(P)),
        ("mlc_tensor_load", with_loc(&[P, P, I64, P]), None),
        ("mlc_tensor_store", with_loc(&[P, P, I64, P]), None),
        ("mlc_tensor_binary", with_loc(&[P, P, P]), Some(P)),
        ("mlc_tensor_binary_scalar", with_loc(&[P, P, B, P]), Some(P)),
        ("mlc_tensor_unary", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_broadcast", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_reduce", with_loc(&[P, P, P]), None),
        ("mlc_tensor_matmul", with_loc(&[P, P]), Some(P)),
        // Python (docs/runtime.md, *Python*).
        ("mlc_py_register_bridge", vec![P, I64, P], None),
        ("mlc_py_import", with_loc(&[P, P]), Some(P)),
        ("mlc_py_none", with_loc(&[]), Some(P)),
        ("mlc_py_raise", with_loc(&[P]), None),
        ("mlc_py_release", vec![P], None),
        ("mlc_py_getattr", with_loc(&[P, P]), Some(P)),
        ("mlc_py_setattr", with_loc(&[P, P, P]), None),
        ("mlc_py_call", with_loc(&[P, P, I64, P, P]), Some(P)),
        ("mlc_py_call_into", with_loc(&[P, P, I64, P, P, P, P]), Some(B)),
        ("mlc_py_getitem", with_loc(&[P, P]), Some(P)),
        ("mlc_py_setitem", with_loc(&[P, P, P]), None),
        ("mlc_py_slice", with_loc(&[P, P, P]), Some(P)),
        ("mlc_py_binary", with_loc(&[I32, P, P]), Some(P)),
        ("mlc_py_unary", with_loc(&[I32, P]), Some(P)),
        ("mlc_py_compare", with_loc(&[I32, P, P]), Some(P)),
        ("mlc_py_len", with_loc(&[P]), Some(I64)),
        ("mlc_py_truthy", with_loc(&[P]), Some(B)),
        ("mlc_py_str", with_loc(&[P]), Some(P)),
        ("mlc_py_iter", with_loc(&[P]), Some(P)),
        ("mlc_py_next", with_loc(&[P, P]), Some(B)),
        ("mlc_py_from", with_loc(&[P, P]), Some(P)),
        ("mlc_py_from_i64", with_loc(&[I64]), Some(P)),
        ("mlc_py_from_f64", with_loc(&[F64]), Some(P)),
        ("mlc_py_to", with_loc(&[P, P, P]), None),
        ("mlc_py_to_i64", with_loc(&[P]), Some(I64)),
        ("mlc_py_to_f64", with_loc(&[P]), Some(F64)),
        ("mlc_tensor_reshape", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_copy", vec![P], Some(P)),
        ("mlc_tensor_to_device", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_space", with_loc(&[P, I64]), Some(P)),
        ("mlc_space_size", vec![P], Some(I64)),
        ("mlc_tensor_empty", vec![P, P], Some(P)),
        ("mlc_tensor_load_linear", vec![P, P, I64, P], None),
        ("mlc_tensor_store_linear", vec![P, I64, P], None),
        ("mlc_tensor_data", vec![P], Some(P)),
        ("mlc_tensor_is_dense_like", vec![P, P], Some(B)),
        ("mlc_tensor_dense_for", vec![P, P], Some(P)),
        ("mlc_tensor_cast", with_loc(&[P, P]), Some(P)),
        ("mlc_tensor_slice", with_loc(&[P, P, P, I64]), Some(P)),
        // Slices of str and List.
        ("mlc_str_slice", with_loc(&[P, I64, I64, I64, I32]), Some(P)),
        ("mlc_list_slice", with_loc(&[P, I64, I64, I64, I32]), Some(P)),
        // Time and math.
        ("mlc_time_perf_counter", with_loc(&[]), Some(F64)),
        ("mlc_time_time", with_loc(&[]), Some(F64)),
        ("mlc_time_sleep", with_loc(&[F64]), None),
        ("mlc_math_erf", with_loc(&[F64]), Some(F64)),
    ];
    // The builtin rule: operands in order (handles and `i64` directly, element values as
    // pointers), then `out` for an element result, then the location.
    let builtins: &[(&'static str, &[Abi], Option<Abi>)] = &[
        ("mlc_str_len", &[P], Some(I64)),
        ("mlc_str_getitem", &[P, I64], Some(P)),
        ("mlc_str_contains", &[P, P], Some(B)),
        ("mlc_str_eq", &[P, P], Some(B)),
        ("mlc_str_compare", &[P, P], Some(I64)),
        ("mlc_str_repeat", &[P, I64], Some(P)),
        ("mlc_str_split", &[P, P], Some(P)),
        ("mlc_str_strip", &[P, P], Some(P)),
        ("mlc_str_lstrip", &[P, P], Some(P)),
        ("mlc_str_rstrip", &[P, P], Some(P)),
        ("mlc_str_join", &[P, P], Some(P)),
        ("mlc_str_startswith", &[P, P], Some(B)),
        ("mlc_str_endswith", &[P, P], Some(B)),
        ("mlc_str_find", &[P, P], Some(I64)),
        ("mlc_str_replace", &[P, P, P], Some(P)),
        ("mlc_str_upper", &[P], Some(P)),
        ("mlc_str_lower", &[P], Some(P)),
        ("mlc_str_isdigit", &[P], Some(B)),
        ("mlc_str_to_i64", &[P], Some(I64)),
        ("mlc_str_to_f64", &[P], Some(F64)),
        ("mlc_list_pop", &[P, I64, P], None),
        ("mlc_list_insert", &[P, I64, P], None),
        ("mlc_list_extend", &[P, P], None),
        ("mlc_list_clear", &[P], None),
        ("mlc_list_reverse", &[P], None),
        ("mlc_list_sort", &[P], None),
        ("mlc_list_copy", &[P], Some(P)),
        ("mlc_list_index", &[P, P], Some(I64)),
        ("mlc_list_count", &[P, P], Some(I64)),
        ("mlc_list_contains", &[P, P], Some(B)),
        ("mlc_list_concat", &[P, P], Some(P)),
        ("mlc_list_repeat", &[P, I64], Some(P)),
        ("mlc_list_min", &[P, P], None),
        ("mlc_list_max", &[P, P], None),
        ("mlc_list_eq", &[P, P], Some(B)),
        ("mlc_list_compare", &[P, P], Some(I64)),
        ("mlc_dict_get", &[P, P, P, P], None),
        ("mlc_dict_keys", &[P], Some(P)),
        ("mlc_dict_values", &[P], Some(P)),
        ("mlc_dict_items", &[P], Some(P)),
        ("mlc_dict_pop", &[P, P, P, P], None),
        ("mlc_dict_clear", &[P], None),
        ("mlc_dict_copy", &[P], Some(P)),
        ("mlc_dict_eq", &[P, P], Some(B)),
    ];
    for &(name, params, result) in builtins {
        table.push((name, with_loc(params), result));
    }
    table
}

#[test]
fn table_matches_the_document() {
    let exported: HashMap<&str, _> = exports().iter().map(|e| (e.name, e)).collect();
    assert_eq!(exported.len(), exports().len(), "duplicate names");
    let documented = documented();
    let mut problems = Vec::new();
    for (name, params, result) in &documented {
        match exported.get(name) {
            None => problems.push(format!("{name}: not exported")),
            Some(export) => {
                if export.params != params.as_slice() || export.result != *result {
                    problems.push(format!(
                        "{name}: exported ({:?}) -> {:?}, documented ({params:?}) -> {result:?}",
                        export.params, export.result
                    ));
                }
            }
        }
    }
    let names: HashSet<&str> = documented.iter().map(|entry| entry.0).collect();
    for export in exports() {
        if !names.contains(export.name) {
            problems.push(format!("{}: exported but not documented", export.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_builtin_has_its_function() {
    for builtin in BUILTINS {
        let name = format!("mlc_{}", builtin.replace('.', "_"));
        let export = mlc_runtime::export(&name).unwrap_or_else(|| panic!("{builtin}: no {name}"));
        // Every builtin takes the location last.
        assert_eq!(&export.params[export.params.len() - 3..], &[P, I32, I32], "{name}");
    }
}

#[test]
fn addresses_are_the_symbols() {
    let mut seen = HashSet::new();
    for export in exports() {
        assert!(export.name.starts_with("mlc_"), "{}", export.name);
        assert!(!export.address.is_null());
        assert!(seen.insert(export.address as usize), "{} shares an address", export.name);
    }
    let len = mlc_runtime::export("mlc_list_len").unwrap();
    assert_eq!(len.address, mlc_runtime::list::mlc_list_len as *const u8);
}

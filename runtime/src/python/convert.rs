//! Native values to Python objects (`py.from`, arguments) and back (`py.to`, the explicit
//! casts `i64(o)`, `f64(o)`, `bool(o)`, `str(o)`, `List[T](o)`, `Tensor[T](o)`...).

use mlc_python_abi::{Bridge, PyPtr, Text};

use crate::desc::{Kind, TypeDesc};
use crate::object::Handle;
use crate::panic::Loc;
use crate::value::{self, read, write, Number};
use crate::{dict, list, numbers};

use super::errors::{self, PythonError};
use super::{object, tensors};

/// The type as mlc source writes it, for messages: `List[i64]`, `(str, f64)`.
pub fn native_name(desc: &TypeDesc) -> String {
    match desc.kind() {
        Kind::Bool => "bool".to_string(),
        Kind::Str => "str".to_string(),
        Kind::PyObject => "PyObject".to_string(),
        Kind::List(element) => format!("List[{}]", native_name(element)),
        Kind::Dict(key, value) => format!("Dict[{}, {}]", native_name(key), native_name(value)),
        Kind::Tensor(element) => format!("Tensor[{}]", native_name(element)),
        Kind::Tuple(elements) => {
            let parts: Vec<String> = elements.iter().map(native_name).collect();
            format!("({})", parts.join(", "))
        }
        Kind::Struct { name, .. } => name.clone(),
        _ => desc.to_string(),
    }
}

/// Python objects made while converting a container, dropped on every path.
struct Owned<'b> {
    bridge: &'b Bridge,
    objects: Vec<PyPtr>,
}

impl Drop for Owned<'_> {
    fn drop(&mut self) {
        for &object in &self.objects {
            // SAFETY: references this list owns; the GIL is held.
            unsafe { (self.bridge.decref)(object) };
        }
    }
}

/// A new reference to the Python form of the value at `p`, or null with the Python
/// exception set.
///
/// # Safety
///
/// `p` points to a valid value of type `desc`.
pub unsafe fn to_python(bridge: &Bridge, p: *const u8, desc: &TypeDesc) -> PyPtr {
    // SAFETY: the descriptor says what is at `p` (and at each nested offset).
    unsafe {
        match desc.kind() {
            Kind::Bool => (bridge.from_bool)(read::<u8>(p) != 0),
            Kind::Str => {
                let text = crate::str::text(read::<Handle>(p));
                (bridge.from_str)(Text::new(text))
            }
            Kind::PyObject => {
                let object = object::pointer(read::<Handle>(p));
                (bridge.incref)(object);
                object
            }
            Kind::Tuple(elements) => {
                let mut items = Owned { bridge, objects: Vec::with_capacity(elements.len()) };
                for (element, &offset) in elements.iter().zip(desc.field_offsets()) {
                    let item = to_python(bridge, p.add(offset), element);
                    if item.is_null() {
                        return item;
                    }
                    items.objects.push(item);
                }
                (bridge.tuple)(items.objects.as_ptr(), items.objects.len())
            }
            Kind::List(element) => {
                let list = list::get(read::<Handle>(p));
                let mut items = Owned { bridge, objects: Vec::with_capacity(list.len()) };
                for i in 0..list.len() {
                    let item = to_python(bridge, list.at(i), element);
                    if item.is_null() {
                        return item;
                    }
                    items.objects.push(item);
                }
                (bridge.list)(items.objects.as_ptr(), items.objects.len())
            }
            Kind::Dict(key_desc, value_desc) => {
                let dict = dict::get(read::<Handle>(p));
                let mut keys = Owned { bridge, objects: Vec::with_capacity(dict.len()) };
                let mut values = Owned { bridge, objects: Vec::with_capacity(dict.len()) };
                let mut failed = false;
                dict.for_each_entry(|key, value| {
                    if failed {
                        return;
                    }
                    let (key, value) =
                        (to_python(bridge, key, key_desc), to_python(bridge, value, value_desc));
                    failed = key.is_null() || value.is_null();
                    keys.objects.extend((!key.is_null()).then_some(key));
                    values.objects.extend((!value.is_null()).then_some(value));
                });
                if failed {
                    return std::ptr::null_mut();
                }
                (bridge.dict)(keys.objects.as_ptr(), values.objects.as_ptr(), keys.objects.len())
            }
            Kind::Tensor(_) => tensors::export(bridge, read::<Handle>(p)),
            _ => match value::read_number(p, desc) {
                Some(Number::Int(n)) => match i64::try_from(n) {
                    Ok(n) => (bridge.from_i64)(n),
                    Err(_) => (bridge.from_u64)(n as u64),
                },
                Some(Number::Float(x)) => (bridge.from_f64)(x),
                None => {
                    (bridge.raise_type_error)(Text::new(&format!(
                        "a {} cannot be passed to Python",
                        native_name(desc)
                    )));
                    std::ptr::null_mut()
                }
            },
        }
    }
}

fn overflow(value: &str, desc: &TypeDesc, loc: Loc) {
    errors::raise(
        PythonError {
            type_name: "OverflowError".to_string(),
            message: format!("Python int {value} does not fit in {}", native_name(desc)),
            traceback: String::new(),
        },
        loc,
    );
}

/// Writes the native form of `object` as `desc` to `out` (an owned value); false with an
/// mlc error raised when it does not convert (naming both types).
///
/// # Safety
///
/// `object` is live; `out` has room for a value of type `desc`.
pub unsafe fn from_python(
    bridge: &Bridge,
    object: PyPtr,
    desc: &TypeDesc,
    out: *mut u8,
    loc: Loc,
) -> bool {
    let failed = |bridge: &Bridge| {
        // SAFETY: the caller's live object.
        unsafe { errors::raise_conversion(bridge, object, &native_name(desc), loc) };
        false
    };
    // SAFETY: `out` has room for a `desc`; nested values go to their offsets.
    unsafe {
        match desc.kind() {
            Kind::Bool => {
                let truth = (bridge.truthy)(object);
                if truth < 0 {
                    return failed(bridge);
                }
                write::<u8>(out, truth as u8);
            }
            Kind::I8 | Kind::I16 | Kind::I32 | Kind::I64 | Kind::U8 | Kind::U16 | Kind::U32 => {
                let mut n = 0i64;
                if (bridge.to_i64)(object, &mut n) < 0 {
                    return failed(bridge);
                }
                let fits = match desc.kind() {
                    Kind::I8 => i8::try_from(n).map(|v| write(out, v)).is_ok(),
                    Kind::I16 => i16::try_from(n).map(|v| write(out, v)).is_ok(),
                    Kind::I32 => i32::try_from(n).map(|v| write(out, v)).is_ok(),
                    Kind::U8 => u8::try_from(n).map(|v| write(out, v)).is_ok(),
                    Kind::U16 => u16::try_from(n).map(|v| write(out, v)).is_ok(),
                    Kind::U32 => u32::try_from(n).map(|v| write(out, v)).is_ok(),
                    _ => {
                        write(out, n);
                        true
                    }
                };
                if !fits {
                    overflow(&n.to_string(), desc, loc);
                    return false;
                }
            }
            Kind::U64 => {
                let mut n = 0u64;
                if (bridge.to_u64)(object, &mut n) < 0 {
                    return failed(bridge);
                }
                write(out, n);
            }
            Kind::F16 | Kind::BF16 | Kind::F32 | Kind::F64 => {
                let mut x = 0f64;
                if (bridge.to_f64)(object, &mut x) < 0 {
                    return failed(bridge);
                }
                match desc.kind() {
                    Kind::F16 => write(out, numbers::f32_to_f16_bits(x as f32)),
                    Kind::BF16 => write(out, numbers::f32_to_bf16_bits(x as f32)),
                    Kind::F32 => write(out, x as f32),
                    _ => write(out, x),
                }
            }
            Kind::Str => {
                let mut text = String::new();
                let sink = super::text::append_to_string;
                if (bridge.text)(object, false, sink, super::text::context(&mut text)) < 0 {
                    return failed(bridge);
                }
                write(out, crate::str::new_str(&text));
            }
            Kind::PyObject => {
                (bridge.incref)(object);
                write(out, object::wrap(object));
            }
            Kind::Tensor(element) => {
                let handle = tensors::view(bridge, object, crate::tensor::dtype_of(element), loc);
                if handle.is_null() {
                    return false;
                }
                write(out, handle);
            }
            Kind::Tuple(elements) => {
                return tuple_from_python(bridge, object, desc, elements, out, loc)
            }
            Kind::List(element) => return list_from_python(bridge, object, element, out, loc),
            Kind::Dict(key, value) => {
                return dict_from_python(bridge, object, key, value, out, loc)
            }
            _ => {
                errors::raise_type_error(
                    bridge,
                    &format!("a Python object cannot be converted to {}", native_name(desc)),
                    loc,
                );
                return false;
            }
        }
    }
    true
}

/// Each item of an iterable, converted: `each(item)` returns false to stop (an error was
/// raised). False when iteration or a conversion failed.
unsafe fn for_each_item(
    bridge: &Bridge,
    object: PyPtr,
    target: &str,
    loc: Loc,
    mut each: impl FnMut(PyPtr) -> bool,
) -> bool {
    // SAFETY: a live object; items are new references we drop.
    unsafe {
        let iterator = (bridge.iter)(object);
        if iterator.is_null() {
            errors::raise_conversion(bridge, object, target, loc);
            return false;
        }
        let _iterator = Owned { bridge, objects: vec![iterator] };
        loop {
            let mut item = std::ptr::null_mut();
            match (bridge.next)(iterator, &mut item) {
                1 => {
                    let _item = Owned { bridge, objects: vec![item] };
                    if !each(item) {
                        return false;
                    }
                }
                0 => return true,
                _ => {
                    errors::raise_pending(bridge, loc);
                    return false;
                }
            }
        }
    }
}

/// Writes a container just filled to `out`, or frees it when its conversion failed.
///
/// # Safety
///
/// `handle` is a container the caller made and owns; `out` has room for a handle.
unsafe fn finish_container(converted: bool, handle: Handle, out: *mut u8) -> bool {
    if !converted {
        // SAFETY: the caller's container, with what it holds.
        unsafe { crate::object::release(handle) };
        return false;
    }
    // SAFETY: room for a handle.
    unsafe { write(out, handle) };
    true
}

unsafe fn list_from_python(
    bridge: &Bridge,
    object: PyPtr,
    element: &TypeDesc,
    out: *mut u8,
    loc: Loc,
) -> bool {
    let element = crate::desc::intern_desc(element);
    let handle = list::new_list(element, 0);
    // SAFETY: a list we just made.
    let list = unsafe { list::get(handle) };
    let mut scratch = vec![0u64; element.size().div_ceil(8).max(1)];
    let target = format!("List[{}]", native_name(element));
    // SAFETY: each converted element is moved into the list.
    let converted = unsafe {
        for_each_item(bridge, object, &target, loc, |item| {
            let slot = scratch.as_mut_ptr().cast::<u8>();
            if !from_python(bridge, item, element, slot, loc) {
                return false;
            }
            list.push_moved(slot);
            true
        })
    };
    // SAFETY: the container this function made; room for a handle at `out`.
    unsafe { finish_container(converted, handle, out) }
}

unsafe fn dict_from_python(
    bridge: &Bridge,
    object: PyPtr,
    key: &TypeDesc,
    value: &TypeDesc,
    out: *mut u8,
    loc: Loc,
) -> bool {
    let (key, value) = (crate::desc::intern_desc(key), crate::desc::intern_desc(value));
    let handle = dict::new_dict(key, value);
    // SAFETY: a dict we just made.
    let dict = unsafe { dict::get(handle) };
    let mut key_slot = vec![0u64; key.size().div_ceil(8).max(1)];
    let mut value_slot = vec![0u64; value.size().div_ceil(8).max(1)];
    let target = format!("Dict[{}, {}]", native_name(key), native_name(value));
    // SAFETY: each key and value is converted, stored (retained) and released.
    let converted = unsafe {
        for_each_item(bridge, object, &target, loc, |python_key| {
            let python_value = (bridge.getitem)(object, python_key);
            if python_value.is_null() {
                errors::raise_pending(bridge, loc);
                return false;
            }
            let _value = Owned { bridge, objects: vec![python_value] };
            let (k, v) = (key_slot.as_mut_ptr().cast::<u8>(), value_slot.as_mut_ptr().cast::<u8>());
            if !from_python(bridge, python_key, key, k, loc) {
                return false;
            }
            if !from_python(bridge, python_value, value, v, loc) {
                value::release_value(k, key);
                return false;
            }
            dict.set(k, v);
            value::release_value(k, key);
            value::release_value(v, value);
            true
        })
    };
    // SAFETY: the container this function made; room for a handle at `out`.
    unsafe { finish_container(converted, handle, out) }
}

unsafe fn tuple_from_python(
    bridge: &Bridge,
    object: PyPtr,
    desc: &TypeDesc,
    elements: &[TypeDesc],
    out: *mut u8,
    loc: Loc,
) -> bool {
    let target = native_name(desc);
    // SAFETY: a live object.
    let length = unsafe { (bridge.len)(object) };
    if length < 0 {
        // SAFETY: the caller's live object.
        unsafe { errors::raise_conversion(bridge, object, &target, loc) };
        return false;
    }
    if length as usize != elements.len() {
        let mut type_name = String::new();
        // SAFETY: a live object; the sink appends to `type_name`.
        unsafe {
            (bridge.type_name)(
                object,
                super::text::append_to_string,
                super::text::context(&mut type_name),
            )
        };
        errors::raise_type_error(
            bridge,
            &format!("cannot convert a Python `{type_name}` of {length} items to {target}"),
            loc,
        );
        return false;
    }
    let offsets = desc.field_offsets();
    for (i, element) in elements.iter().enumerate() {
        // SAFETY: a live object and an index within its length; earlier elements written to
        // `out` are released if a later one fails.
        unsafe {
            let index = (bridge.from_i64)(i as i64);
            let item = if index.is_null() { index } else { (bridge.getitem)(object, index) };
            if !index.is_null() {
                (bridge.decref)(index);
            }
            let converted = !item.is_null() && {
                let _item = Owned { bridge, objects: vec![item] };
                from_python(bridge, item, element, out.add(offsets[i]), loc)
            };
            if !converted {
                if item.is_null() {
                    errors::raise_pending(bridge, loc);
                }
                for (done, &offset) in elements[..i].iter().zip(offsets) {
                    value::release_value(out.add(offset), done);
                }
                return false;
            }
        }
    }
    true
}

/// `format(o, spec)` as Python gives it (`o.__format__(spec)`); `Err` with Python's message
/// when the object rejects the spec.
///
/// # Safety
///
/// `handle` is a live `PyObject` handle.
pub unsafe fn format_object(handle: Handle, spec: &str) -> Result<String, String> {
    let Some(bridge) = super::interpreter::started() else {
        return Err("formatting a Python object before Python started".to_string());
    };
    // SAFETY: C API calls on live objects; every new reference is dropped.
    unsafe {
        let method = (bridge.getattr)(object::pointer(handle), Text::new("__format__"));
        let spec_object =
            if method.is_null() { method } else { (bridge.from_str)(Text::new(spec)) };
        let result = if spec_object.is_null() {
            spec_object
        } else {
            (bridge.vectorcall)(method, &spec_object, 1, std::ptr::null_mut())
        };
        let _owned = Owned {
            bridge,
            objects: [method, spec_object, result].into_iter().filter(|o| !o.is_null()).collect(),
        };
        let mut text = String::new();
        if result.is_null()
            || (bridge.text)(
                result,
                false,
                super::text::append_to_string,
                super::text::context(&mut text),
            ) < 0
        {
            return Err(errors::take_python_error(bridge).summary());
        }
        Ok(text)
    }
}

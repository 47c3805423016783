//! Lists read and written in place: `len(xs)`, `xs[i]` and `xs[i] = v` load the length and
//! the element buffer from the list object (`mlc_runtime::list::LIST_*_OFFSET`) and move the
//! element with `ll.load`/`ll.store`, one per scalar of its C layout, instead of calling the
//! runtime. A hot loop over a `List[f64]` then compiles to plain loads and stores.
//!
//! The index is checked first (a negative one counts from the end, as in Python); out of
//! range, the runtime's own function runs, so the panic's message (`index out of range: 5
//! (length 3)`) is the same on both paths. Writes of elements that hold handles still go
//! through the runtime, which releases the element it replaces.

use mlc_ir::dialect::{agg, arith, cf, ll};
use mlc_ir::{Module, Type, ValueId};
use mlc_runtime::desc::TypeDesc;
use mlc_runtime::list::{LIST_DATA_OFFSET, LIST_LENGTH_OFFSET};

use crate::descriptor::descriptor;
use crate::emitter::Emitter;

/// The scalars of a value of `ty` in memory: `(type, byte offset)`, in order; `None` when a
/// descriptor cannot describe it.
fn scalars(module: &Module, ty: &Type, base: usize, out: &mut Vec<(Type, usize)>) -> Option<()> {
    match ty {
        Type::Tuple(_) | Type::Struct(_) => {
            let elements = agg::element_types(module, ty).ok()?;
            let desc = TypeDesc::parse(&descriptor(module, ty).ok()?).ok()?;
            for (element, offset) in elements.iter().zip(desc.field_offsets()) {
                scalars(module, element, base + offset, out)?;
            }
        }
        other => out.push((other.clone(), base)),
    }
    Some(())
}

/// The size of a `ty` in a list, and whether it holds handles.
fn element_shape(module: &Module, ty: &Type) -> Option<(usize, bool)> {
    let desc = TypeDesc::parse(&descriptor(module, ty).ok()?).ok()?;
    Some((desc.size(), desc.has_handles()))
}

pub fn length(emitter: &mut Emitter<'_>, list: ValueId) -> ValueId {
    let offset = emitter.i64(LIST_LENGTH_OFFSET as i64);
    ll::load_object_field(&mut emitter.builder(), list, offset, Type::I64)
}

/// The byte offset of element `index` in the buffer after the bounds check, or `None` when
/// the element type has no layout (the caller calls the runtime instead). `slow_path` emits
/// the runtime call that panics with the right message.
fn checked_offset(
    emitter: &mut Emitter<'_>,
    list: ValueId,
    index: ValueId,
    size: usize,
    in_bounds: bool,
    slow_path: impl FnOnce(&mut Emitter<'_>),
) -> (ValueId, ValueId) {
    if in_bounds {
        // `bounds-check-elim` proved `0 <= index < len(list)`.
        return element_offset(emitter, list, index, size);
    }
    // The position is computed without branches (a negative index counts from the end) and
    // checked by one branch to the panic. Two accesses with the same index (a swap's load
    // and store) then compute the same pure values, which LLVM merges, and the second
    // check, dominated by the first, folds away. The sign test is `index < 0` so that LLVM
    // folds it for an induction variable it knows is not negative, leaving the one check.
    let length = length(emitter, list);
    let zero = emitter.i64(0);
    let negative = arith::compare(&mut emitter.builder(), &arith::CMPI, "slt", index, zero);
    let from_end = arith::binary(&mut emitter.builder(), &arith::ADDI, index, length);
    let position = arith::select(&mut emitter.builder(), negative, from_end, index);
    // Unsigned: a sum still negative, or one past the end for a positive index, is rejected.
    let valid = arith::compare(&mut emitter.builder(), &arith::CMPI, "ult", position, length);
    let next = emitter.new_block(&[]);
    let slow = emitter.new_block(&[]);
    cf::cond_br(&mut emitter.builder(), valid, (next, &[]), (slow, &[]));
    emitter.current = slow;
    slow_path(emitter);
    cf::unreachable(&mut emitter.builder());
    emitter.current = next;
    element_offset(emitter, list, position, size)
}

/// The element buffer of `list` and the byte offset of element `position` in it.
fn element_offset(
    emitter: &mut Emitter<'_>,
    list: ValueId,
    position: ValueId,
    size: usize,
) -> (ValueId, ValueId) {
    let data_offset = emitter.i64(LIST_DATA_OFFSET as i64);
    let data = ll::load_object_field(&mut emitter.builder(), list, data_offset, Type::Ptr);
    let size = emitter.i64(size as i64);
    let offset = arith::binary(&mut emitter.builder(), &arith::MULI, position, size);
    (data, offset)
}

/// `xs[i]` in place; `None` when the element cannot be read in place.
pub fn get(
    emitter: &mut Emitter<'_>,
    list: ValueId,
    index: ValueId,
    ty: &Type,
    in_bounds: bool,
) -> Option<ValueId> {
    let (size, _) = element_shape(emitter.module, ty)?;
    let mut parts = Vec::new();
    scalars(emitter.module, ty, 0, &mut parts)?;
    let ty_for_slow = ty.clone();
    let (data, offset) = checked_offset(emitter, list, index, size, in_bounds, |emitter| {
        emitter.call_out("mlc_list_get", &[list, index], ty_for_slow, true);
    });
    let mut loaded = Vec::with_capacity(parts.len());
    for (scalar, field_offset) in &parts {
        let field = emitter.i64(*field_offset as i64);
        let at = arith::binary(&mut emitter.builder(), &arith::ADDI, offset, field);
        loaded.push(ll::load(&mut emitter.builder(), data, at, scalar.clone()));
    }
    let mut next = loaded.into_iter();
    Some(rebuild(emitter, ty, &mut next))
}

/// The value of type `ty` made of the scalars `next` yields, in layout order.
fn rebuild(
    emitter: &mut Emitter<'_>,
    ty: &Type,
    next: &mut impl Iterator<Item = ValueId>,
) -> ValueId {
    match ty {
        Type::Tuple(_) | Type::Struct(_) => {
            let elements = agg::element_types(emitter.module, ty).expect("described above");
            let values: Vec<ValueId> = elements.iter().map(|e| rebuild(emitter, e, next)).collect();
            agg::make(&mut emitter.builder(), ty.clone(), &values)
        }
        _ => next.next().expect("one scalar per leaf"),
    }
}

/// `xs[i] = v` in place for elements without handles; `false` when the runtime must do it.
pub fn set(
    emitter: &mut Emitter<'_>,
    list: ValueId,
    index: ValueId,
    value: ValueId,
    in_bounds: bool,
) -> bool {
    let ty = emitter.type_of(value);
    let Some((size, false)) = element_shape(emitter.module, &ty) else { return false };
    let mut parts = Vec::new();
    if scalars(emitter.module, &ty, 0, &mut parts).is_none() {
        return false;
    }
    let (data, offset) = checked_offset(emitter, list, index, size, in_bounds, |emitter| {
        let pointer = emitter.spill(value);
        emitter.call_at("mlc_list_set", &[list, index, pointer], None);
    });
    let mut leaves = Vec::with_capacity(parts.len());
    flatten(emitter, value, &ty, &mut leaves);
    for ((_, field_offset), leaf) in parts.iter().zip(leaves) {
        let field = emitter.i64(*field_offset as i64);
        let at = arith::binary(&mut emitter.builder(), &arith::ADDI, offset, field);
        ll::store(&mut emitter.builder(), leaf, data, at);
    }
    true
}

/// The scalars of `value`, in layout order.
fn flatten(emitter: &mut Emitter<'_>, value: ValueId, ty: &Type, out: &mut Vec<ValueId>) {
    match ty {
        Type::Tuple(_) | Type::Struct(_) => {
            let elements = agg::element_types(emitter.module, ty).expect("described above");
            for (position, element) in elements.iter().enumerate() {
                let part = agg::extract(&mut emitter.builder(), value, position);
                flatten(emitter, part, element, out);
            }
        }
        _ => out.push(value),
    }
}

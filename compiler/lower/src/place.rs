//! Places: what assignment writes (`x = v`, `a.b.c = v`, `xs[i].f += v`, `t[i, j] = v`).
//!
//! A place is evaluated once (its base and indices), then read and written: an augmented
//! assignment `xs[f()] += 1` calls `f` once. A field of a struct value is updated by
//! reading the struct, inserting the field and writing the struct back to its own place.

use mlc_ir::{Attribute, OpState, Type, ValueId};
use mlc_semantics::{AttributeResolution, FunctionId, IndexResolution, NameResolution, Ty};
use mlc_syntax::ast::{self, BinaryOp, ExprKind};

use crate::function::{FnLowering, Local};
use crate::ops::op;

pub enum Place {
    Slot(ValueId),
    Field {
        base: Box<Place>,
        index: usize,
        ty: Type,
    },
    ListItem {
        list: ValueId,
        index: ValueId,
    },
    DictItem {
        dict: ValueId,
        key: ValueId,
    },
    TensorItem {
        tensor: ValueId,
        indices: Vec<ValueId>,
    },
    PyAttribute {
        object: ValueId,
        name: String,
    },
    PyItem {
        object: ValueId,
        key: ValueId,
    },
    /// A struct's `__getitem__` / `__setitem__`.
    Dunder {
        base: Box<Place>,
        key: ValueId,
        get: Option<FunctionId>,
        set: Option<FunctionId>,
    },
    /// A value with no home (a temporary receiver of a `mut self` method).
    Temporary(ValueId),
}

impl FnLowering<'_> {
    pub fn lower_place(&mut self, target: &ast::Expr) -> Place {
        match &target.kind {
            ExprKind::Name(_) => match self.inference.names.get(&target.span) {
                Some(NameResolution::Local(binding)) => match self.locals.get(binding) {
                    Some(Local::Slot(slot)) => Place::Slot(*slot),
                    Some(Local::Value(value)) => Place::Temporary(*value),
                    None => panic!("lowering: an unbound local as a place"),
                },
                _ => Place::Temporary(self.lower_value(target)),
            },
            ExprKind::Attribute { base, name } => {
                match self.inference.attributes.get(&target.span).cloned() {
                    Some(AttributeResolution::Field { index, .. }) => {
                        let ty = self.expr_ty(target);
                        let ty = self.value_ty(&ty);
                        let base = self.lower_place(base);
                        Place::Field { base: Box::new(base), index: index as usize, ty }
                    }
                    Some(AttributeResolution::Python) => {
                        let object = self.lower_value(base);
                        Place::PyAttribute { object, name: name.text.clone() }
                    }
                    _ => Place::Temporary(self.lower_value(target)),
                }
            }
            ExprKind::Index { base, indices } => {
                let resolution = self.inference.indexes.get(&target.span).cloned();
                match resolution {
                    Some(IndexResolution::List) => {
                        let list = self.lower_value(base);
                        let index = self.lower_value(&indices[0]);
                        Place::ListItem { list, index }
                    }
                    Some(IndexResolution::Dict) => {
                        let dict = self.lower_value(base);
                        let key = self.lower_value(&indices[0]);
                        Place::DictItem { dict, key }
                    }
                    Some(IndexResolution::Tensor) => {
                        let tensor = self.lower_value(base);
                        let indices = indices.iter().map(|index| self.lower_value(index)).collect();
                        Place::TensorItem { tensor, indices }
                    }
                    Some(IndexResolution::Python) => {
                        let object = self.lower_value(base);
                        let key = self.python_key(indices);
                        Place::PyItem { object, key }
                    }
                    Some(IndexResolution::Dunder(_)) => {
                        let Ty::Struct(strukt) = self.expr_ty(base) else {
                            panic!("lowering: `__getitem__` on a non-struct")
                        };
                        let data = mlc_semantics::struct_data(self.db, strukt);
                        let base = self.lower_place(base);
                        let key = self.lower_value(&indices[0]);
                        Place::Dunder {
                            base: Box::new(base),
                            key,
                            get: data.method("__getitem__"),
                            set: data.method("__setitem__"),
                        }
                    }
                    _ => Place::Temporary(self.lower_value(target)),
                }
            }
            _ => Place::Temporary(self.lower_value(target)),
        }
    }

    pub fn read_place(&mut self, place: &Place, ty: &Type) -> ValueId {
        match place {
            Place::Slot(slot) => self.apply("mem.load", &[*slot], ty.clone()),
            Place::Field { base, index, ty: field_ty } => {
                let base_ty = self.place_type(base);
                let whole = self.read_place(base, &base_ty);
                self.extract(whole, *index, field_ty.clone())
            }
            Place::ListItem { list, index } => {
                self.apply("mem.list_get", &[*list, *index], ty.clone())
            }
            Place::DictItem { dict, key } => self.apply("mem.dict_get", &[*dict, *key], ty.clone()),
            Place::TensorItem { tensor, indices } => {
                let mut operands = vec![*tensor];
                operands.extend(indices);
                self.apply("tensor.load", &operands, ty.clone())
            }
            Place::PyAttribute { object, name } => self.value(
                OpState::new(op("py.getattr"))
                    .operands(&[*object])
                    .attribute("name", Attribute::String(name.clone()))
                    .results(&[Type::PyObject]),
            ),
            Place::PyItem { object, key } => {
                self.apply("py.getitem", &[*object, *key], Type::PyObject)
            }
            Place::Dunder { base, key, get, .. } => {
                let get = get.expect("checked: reading through `__getitem__`");
                let base_ty = self.place_type(base);
                let receiver = self.read_place(base, &base_ty);
                self.call_function(get, Vec::new(), &[receiver, *key])
                    .expect("`__getitem__` returns")
            }
            Place::Temporary(value) => *value,
        }
    }

    pub fn write_place(&mut self, place: &Place, value: ValueId) {
        match place {
            Place::Slot(slot) => self.store(value, *slot),
            Place::Field { base, index, .. } => {
                let base_ty = self.place_type(base);
                let whole = self.read_place(base, &base_ty);
                let updated = self.value(
                    OpState::new(op("agg.insert"))
                        .operands(&[whole, value])
                        .attribute("index", Attribute::integer(*index as i128, Type::I64))
                        .results(&[base_ty]),
                );
                self.write_place(base, updated);
            }
            Place::ListItem { list, index } => {
                self.emit(OpState::new(op("mem.list_set")).operands(&[*list, *index, value]));
            }
            Place::DictItem { dict, key } => {
                self.emit(OpState::new(op("mem.dict_set")).operands(&[*dict, *key, value]));
            }
            Place::TensorItem { tensor, indices } => {
                let mut operands = vec![value, *tensor];
                operands.extend(indices);
                self.emit(OpState::new(op("tensor.store")).operands(&operands));
            }
            Place::PyAttribute { object, name } => {
                let value = self.to_python(value);
                self.emit(
                    OpState::new(op("py.setattr"))
                        .operands(&[*object, value])
                        .attribute("name", Attribute::String(name.clone())),
                );
            }
            Place::PyItem { object, key } => {
                let value = self.to_python(value);
                self.emit(OpState::new(op("py.setitem")).operands(&[*object, *key, value]));
            }
            Place::Dunder { base, key, set, .. } => {
                let set = set.expect("checked: assigning through `__setitem__`");
                self.call_method_on_place(set, base, &[*key, value]);
            }
            Place::Temporary(_) => panic!("lowering: assignment to a temporary"),
        }
    }

    /// The type of the value a place holds.
    pub fn place_type(&mut self, place: &Place) -> Type {
        match place {
            Place::Slot(slot) => match self.ty_of(*slot) {
                Type::MemRef { element, .. } => *element,
                other => other,
            },
            Place::Field { ty, .. } => ty.clone(),
            Place::ListItem { list, .. } => match self.ty_of(*list) {
                Type::List(element) => *element,
                other => panic!("lowering: a list item of {other}"),
            },
            Place::DictItem { dict, .. } => match self.ty_of(*dict) {
                Type::Dict(_, value) => *value,
                other => panic!("lowering: a dict item of {other}"),
            },
            Place::TensorItem { tensor, .. } => match self.ty_of(*tensor) {
                Type::Tensor(element) => *element,
                other => panic!("lowering: a tensor item of {other}"),
            },
            Place::PyAttribute { .. } | Place::PyItem { .. } => Type::PyObject,
            Place::Dunder { get, .. } => {
                let get = get.expect("checked: reading through `__getitem__`");
                let signature = mlc_semantics::function_signature(self.db, get);
                let ty = signature.return_ty.clone();
                self.value_ty(&ty)
            }
            Place::Temporary(value) => self.ty_of(*value),
        }
    }

    pub fn assign(&mut self, target: &ast::Expr, value: &ast::Expr) {
        if let ExprKind::Tuple(targets) = &target.kind {
            let whole = self.lower_value(value);
            self.assign_tuple(targets, whole);
            return;
        }
        let place = self.lower_place(target);
        let value = self.lower_value(value);
        self.at(target.span);
        self.write_place(&place, value);
    }

    fn assign_tuple(&mut self, targets: &[ast::Expr], whole: ValueId) {
        let Type::Tuple(types) = self.ty_of(whole) else {
            panic!("lowering: tuple assignment from a non-tuple")
        };
        let places: Vec<Place> = targets.iter().map(|target| self.lower_place(target)).collect();
        for (index, (target, place)) in targets.iter().zip(&places).enumerate() {
            let part = self.extract(whole, index, types[index].clone());
            if let ExprKind::Tuple(inner) = &target.kind {
                self.assign_tuple(inner, part);
            } else {
                self.write_place(place, part);
            }
        }
    }

    pub fn augmented_assign(
        &mut self,
        target: &ast::Expr,
        operator: BinaryOp,
        value: &ast::Expr,
        span: mlc_diagnostics::Span,
    ) {
        let place = self.lower_place(target);
        let ty = self.place_type(&place);
        let current = self.read_place(&place, &ty);
        let rhs = self.lower_value(value);
        self.at(span);
        let result = self.binary_operation(operator, current, rhs, span, &self.expr_ty(target));
        self.write_place(&place, result);
    }

    /// `agg.extract` of element `index`.
    pub fn extract(&mut self, aggregate: ValueId, index: usize, ty: Type) -> ValueId {
        self.value(
            OpState::new(op("agg.extract"))
                .operands(&[aggregate])
                .attribute("index", Attribute::integer(index as i128, Type::I64))
                .results(&[ty]),
        )
    }
}

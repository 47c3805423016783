//! What the ownership pass knows about a function before it inserts anything: which values
//! hold references, who owns each, which memory references are variables, and which reads
//! of a variable can borrow its value instead of retaining it.

use std::collections::{HashMap, HashSet, VecDeque};

use mlc_ir::dialect::agg;
use mlc_ir::{Attribute, BlockId, Module, OpId, Type, ValueId};

/// Whether values of `ty` hold references: a handle, or a tuple or struct with one inside.
pub fn holds_references(module: &Module, ty: &Type) -> bool {
    match ty {
        Type::Tuple(_) | Type::Struct(_) => agg::element_types(module, ty)
            .map(|elements| elements.iter().any(|e| holds_references(module, e)))
            .unwrap_or(false),
        _ => ty.is_handle(),
    }
}

/// Who is responsible for the references a value holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ownership {
    /// The function holds them and gives them up once: by a release after the last use, or
    /// by handing them on (returning the value, passing it to a block, storing it in a
    /// variable, putting it in an aggregate).
    Owned,
    /// Read from memory that may change before the last use (a list element, a variable
    /// written meanwhile): owned once a retain right after its definition.
    Retained,
    /// Valid for all its uses without a reference of its own: a parameter (the caller holds
    /// it), a read of a variable not written before its last use, or an element of an
    /// aggregate that is kept alive as long as the element is used (its `source`).
    Borrowed,
}

pub struct Facts {
    /// The function's blocks, in layout order.
    pub blocks: Vec<BlockId>,
    /// Every value that holds references, with its ownership.
    pub ownership: HashMap<ValueId, Ownership>,
    /// A value whose uses keep another alive: an element extracted from an aggregate, or a
    /// pointer into a runtime object (a list's buffer, a tensor's data).
    pub source: HashMap<ValueId, ValueId>,
    /// The function's own variables (`mem.alloca` not marked scratch) holding references:
    /// the function releases what they hold when it returns.
    pub local_variables: Vec<ValueId>,
    /// Memory references whose content is owned (local variables and `mut self` slots
    /// passed in): a store releases what it overwrites.
    pub owning_references: HashSet<ValueId>,
    /// The address of a scratch slot or array, with the values stored there: the runtime
    /// reads them when it gets the address, so a use of the address is a use of each.
    pub carried: HashMap<ValueId, Vec<ValueId>>,
}

impl Facts {
    /// The value a use of `value` keeps alive and that the function must release: `value`
    /// itself when it is owned, else what it borrows from (none for a parameter).
    pub fn tracked(&self, mut value: ValueId) -> Option<ValueId> {
        loop {
            match self.ownership.get(&value) {
                Some(Ownership::Owned | Ownership::Retained) => return Some(value),
                _ => match self.source.get(&value) {
                    Some(&source) => value = source,
                    None => return None,
                },
            }
        }
    }

    /// The owned values a use of `operand` keeps alive (several for a scratch array's
    /// address).
    pub fn tracked_by_use(&self, operand: ValueId) -> Vec<ValueId> {
        match self.carried.get(&operand) {
            Some(values) => values.iter().filter_map(|&v| self.tracked(v)).collect(),
            None => self.tracked(operand).into_iter().collect(),
        }
    }

    /// What a use of `operand` uses: the value, or the values a scratch address carries.
    pub fn used_by_use(&self, operand: ValueId) -> Vec<ValueId> {
        match self.carried.get(&operand) {
            Some(values) => values.clone(),
            None => vec![operand],
        }
    }

    pub fn is_tracked(&self, value: ValueId) -> bool {
        matches!(self.ownership.get(&value), Some(Ownership::Owned | Ownership::Retained))
    }
}

pub fn gather(module: &Module, function: OpId) -> Facts {
    let region = module.ops[function].regions[0];
    let blocks = module.regions[region].blocks.clone();
    let mut facts = Facts {
        blocks: blocks.clone(),
        ownership: HashMap::new(),
        source: HashMap::new(),
        local_variables: Vec::new(),
        owning_references: HashSet::new(),
        carried: HashMap::new(),
    };

    for (position, &block) in blocks.iter().enumerate() {
        for &argument in &module.blocks[block].arguments {
            let ty = module.value_type(argument);
            if holds_references(module, ty) {
                let ownership = if position == 0 { Ownership::Borrowed } else { Ownership::Owned };
                facts.ownership.insert(argument, ownership);
            }
            // A `mut self` method's receiver: the caller's variable, passed by reference.
            if position == 0 && is_owning_reference_type(module, ty) {
                facts.owning_references.insert(argument);
            }
        }
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            if data.name() == "mem.alloca" && !is_scratch(module, op) {
                let slot = data.results[0];
                if is_owning_reference_type(module, module.value_type(slot)) {
                    facts.local_variables.push(slot);
                    facts.owning_references.insert(slot);
                }
            }
        }
    }

    gather_carried(module, &blocks, &mut facts);
    let mut slot_reads = Vec::new();
    for &block in &blocks {
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            for &result in &data.results {
                let ty = module.value_type(result);
                if *ty == Type::Ptr {
                    // A pointer into a runtime object lives no longer than the object.
                    if let Some(&handle) =
                        data.operands.iter().find(|&&v| module.value_type(v).is_handle())
                    {
                        facts.source.insert(result, handle);
                    }
                    continue;
                }
                if !holds_references(module, ty) {
                    continue;
                }
                let ownership = match data.name() {
                    "ll.call" | "func.call" | "ll.zero" | "agg.make" => Ownership::Owned,
                    "agg.extract" => {
                        facts.source.insert(result, data.operands[0]);
                        Ownership::Borrowed
                    }
                    "mem.load" => {
                        let reference = data.operands[0];
                        if facts.owning_references.contains(&reference) {
                            slot_reads.push((op, result, reference));
                            Ownership::Borrowed
                        } else {
                            // Scratch: the runtime wrote an owned copy there; reading it
                            // takes it.
                            Ownership::Owned
                        }
                    }
                    // A list element read in place: borrowed from the list when nothing can
                    // take it out of the list before its last use.
                    "ll.load" if element_read_is_brief(module, op, result) => {
                        facts.source.insert(result, data.operands[0]);
                        Ownership::Borrowed
                    }
                    // An element read kept longer, an `agg.insert` (its elements come from
                    // two values), a `select` of two values, and anything else: retained.
                    _ => Ownership::Retained,
                };
                facts.ownership.insert(result, ownership);
            }
        }
    }

    // A variable's value may be borrowed only while the variable still holds it.
    let users = transitive_users(module, &facts);
    for (read, value, reference) in slot_reads {
        let uses = users.get(&value).cloned().unwrap_or_default();
        if !read_is_stable(module, read, reference, &uses) {
            facts.ownership.insert(value, Ownership::Retained);
        }
    }
    facts
}

/// Fills [`Facts::carried`]: what is stored into scratch memory (`mem.store` into the slot,
/// `ll.store` through its address) that holds references.
fn gather_carried(module: &Module, blocks: &[BlockId], facts: &mut Facts) {
    let mut scratch = HashSet::new();
    let mut address_of = HashMap::new();
    for &block in blocks {
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            match data.name() {
                "mem.alloca" if is_scratch(module, op) => {
                    scratch.insert(data.results[0]);
                }
                "ll.address" if scratch.contains(&data.operands[0]) => {
                    address_of.insert(data.results[0], data.operands[0]);
                }
                _ => {}
            }
        }
    }
    let mut stored: HashMap<ValueId, Vec<ValueId>> = HashMap::new();
    for &block in blocks {
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            let (value, target) = match data.name() {
                "mem.store" => (data.operands[0], data.operands[1]),
                "ll.store" => match address_of.get(&data.operands[1]) {
                    Some(&slot) => (data.operands[0], slot),
                    None => continue,
                },
                _ => continue,
            };
            if scratch.contains(&target) && holds_references(module, module.value_type(value)) {
                stored.entry(target).or_default().push(value);
            }
        }
    }
    for (address, slot) in address_of {
        if let Some(values) = stored.get(&slot) {
            facts.carried.insert(address, values.clone());
        }
    }
}

/// Whether the element `value` that `read` loads from a list's buffer is used only in the
/// same block, with nothing from the read to its last use that could remove it from the
/// list (which would free it): only ops without effects on objects, and calls of runtime
/// functions known not to take elements out of a list.
fn element_read_is_brief(module: &Module, read: OpId, value: ValueId) -> bool {
    let uses_in = |op: OpId| {
        let data = &module.ops[op];
        let arguments = data.successors.iter().flat_map(|s| &s.arguments);
        data.operands.iter().chain(arguments).filter(|&&v| v == value).count()
    };
    let Some(block) = module.ops[read].parent else { return false };
    let Some(region) = module.blocks[block].parent else { return false };
    let total: usize = module.regions[region]
        .blocks
        .iter()
        .flat_map(|&b| module.blocks[b].ops.iter())
        .map(|&op| uses_in(op))
        .sum();
    let ops = &module.blocks[block].ops;
    let start = ops.iter().position(|&o| o == read).expect("linked") + 1;
    let mut seen = 0;
    for &op in &ops[start..] {
        if seen == total {
            break;
        }
        if !keeps_list_elements(module, op) {
            return false;
        }
        seen += uses_in(op);
    }
    total > 0 && seen == total
}

/// Whether `op` certainly leaves every list's elements in place.
fn keeps_list_elements(module: &Module, op: OpId) -> bool {
    let data = &module.ops[op];
    let name = data.name();
    let (dialect, _) = name.split_once('.').unwrap_or((name, ""));
    match dialect {
        "arith" | "math" | "agg" => true,
        "mem" => matches!(name, "mem.load" | "mem.store" | "mem.alloca"),
        "ll" => match name {
            "ll.call" => match data.attributes.get("callee") {
                Some(Attribute::String(callee)) => {
                    RUNTIME_KEEPING_ELEMENTS.iter().any(|prefix| callee.starts_with(prefix))
                }
                _ => false,
            },
            _ => true,
        },
        // A branch ends the block: the value is used in it (all uses are in this block).
        "cf" | "func" => name != "func.call",
        _ => false,
    }
}

/// Runtime functions (by name prefix) that never take an element out of a list.
const RUNTIME_KEEPING_ELEMENTS: &[&str] = &[
    "mlc_str_",
    "mlc_print",
    "mlc_format",
    "mlc_retain",
    "mlc_release",
    "mlc_py_release",
    "mlc_err_pending",
    "mlc_err_raise",
    "mlc_error_new",
    "mlc_list_len",
    "mlc_list_get",
    "mlc_list_append",
    "mlc_list_contains",
    "mlc_list_index",
    "mlc_list_count",
    "mlc_list_new",
    "mlc_dict_",
    "mlc_tensor_",
];

fn is_scratch(module: &Module, op: OpId) -> bool {
    matches!(module.ops[op].attributes.get("scratch"), Some(Attribute::Bool(true)))
}

/// A rank-0 memory reference to a value that holds references.
fn is_owning_reference_type(module: &Module, ty: &Type) -> bool {
    match ty {
        Type::MemRef { element, shape, .. } => {
            shape.is_empty() && holds_references(module, element)
        }
        _ => false,
    }
}

/// For each value, the ops that use it or anything borrowed from it.
fn transitive_users(module: &Module, facts: &Facts) -> HashMap<ValueId, HashSet<OpId>> {
    let mut users: HashMap<ValueId, HashSet<OpId>> = HashMap::new();
    for &block in &facts.blocks {
        for &op in &module.blocks[block].ops {
            let data = &module.ops[op];
            let arguments = data.successors.iter().flat_map(|s| &s.arguments);
            for &operand in data.operands.iter().chain(arguments) {
                for mut value in facts.used_by_use(operand) {
                    loop {
                        users.entry(value).or_default().insert(op);
                        match facts.source.get(&value) {
                            Some(&source) => value = source,
                            None => break,
                        }
                    }
                }
            }
        }
    }
    users
}

/// Whether no path from `read` to a use in `uses` passes an op that may change what
/// `reference` holds (a store, or a call or address that may write through it).
fn read_is_stable(module: &Module, read: OpId, reference: ValueId, uses: &HashSet<OpId>) -> bool {
    let writes = |op: OpId| {
        let data = &module.ops[op];
        data.name() != "mem.load" && data.operands.contains(&reference)
    };
    let Some(block) = module.ops[read].parent else { return false };
    let start = module.blocks[block].ops.iter().position(|&o| o == read).expect("linked") + 1;

    // Phase one: where the value is read before any write; the writes reached are where
    // phase two starts.
    let mut writes_reached = Vec::new();
    let mut visited = HashSet::new();
    let mut queue = VecDeque::from([(block, start)]);
    while let Some((block, from)) = queue.pop_front() {
        let ops = &module.blocks[block].ops;
        let mut cut = false;
        for (index, &op) in ops.iter().enumerate().skip(from) {
            if writes(op) {
                writes_reached.push((block, index + 1));
                cut = true;
                break;
            }
        }
        if !cut {
            for successor in successors(module, block) {
                if visited.insert(successor) {
                    queue.push_back((successor, 0));
                }
            }
        }
    }
    // Phase two: nothing after a write may use the value. (The write itself may store it,
    // as `x = x` does: a store retains a borrowed value before it releases the old one.)
    let mut visited = HashSet::new();
    let mut queue: VecDeque<(BlockId, usize)> = writes_reached.into();
    while let Some((block, from)) = queue.pop_front() {
        let ops = &module.blocks[block].ops;
        if ops.iter().skip(from).any(|op| uses.contains(op)) {
            return false;
        }
        for successor in successors(module, block) {
            if visited.insert(successor) {
                queue.push_back((successor, 0));
            }
        }
    }
    true
}

pub fn successors(module: &Module, block: BlockId) -> Vec<BlockId> {
    match module.blocks[block].ops.last() {
        Some(&last) => module.ops[last].successors.iter().map(|s| s.block).collect(),
        None => Vec::new(),
    }
}

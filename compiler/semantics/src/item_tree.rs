//! Item identities and the item tree: which functions, structs, constants and imports each
//! chunk of a file declares.
//!
//! Ids are interned from what names an item (file, owner struct, name, and an ordinal that
//! tells duplicates apart), never from positions or chunk texts, so an item keeps its id
//! across every edit that does not rename it. The ASTs of items are handed out as `Arc`s
//! cloned once per chunk parse: an unchanged item is pointer-equal in the next revision, and
//! queries that return it backdate at the cost of a pointer comparison.

use std::sync::Arc;

use mlc_diagnostics::Diagnostic;
use mlc_syntax::ast;
use rustc_hash::FxHashMap;
use salsa::plumbing::AsId;

use crate::db::{Db, SourceFile};
use crate::source_chunks::{file_chunks, parse_chunk, ChunkText};

/// A function or method.
#[salsa::interned(unsafe(no_lifetime), revisions = usize::MAX, debug)]
pub struct FunctionId {
    #[returns(copy)]
    pub file: SourceFile,
    /// The struct of a method.
    #[returns(copy)]
    pub owner: Option<StructId>,
    #[returns(ref)]
    pub name: String,
    /// 0, or n for the n-th later duplicate of the same name.
    #[returns(copy)]
    pub ordinal: u32,
}

impl FunctionId {
    /// `f`, or `Vec3.dot` for a method.
    pub fn display_name(self, db: &dyn Db) -> String {
        match self.owner(db) {
            Some(owner) => format!("{}.{}", owner.name(db), self.name(db)),
            None => self.name(db).clone(),
        }
    }
}

#[salsa::interned(unsafe(no_lifetime), revisions = usize::MAX, debug)]
pub struct StructId {
    #[returns(copy)]
    pub file: SourceFile,
    #[returns(ref)]
    pub name: String,
    #[returns(copy)]
    pub ordinal: u32,
}

#[salsa::interned(unsafe(no_lifetime), revisions = usize::MAX, debug)]
pub struct ConstId {
    #[returns(copy)]
    pub file: SourceFile,
    #[returns(ref)]
    pub name: String,
    #[returns(copy)]
    pub ordinal: u32,
}

/// A top-level item of a chunk, with its AST shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkItem {
    Function(Arc<ast::Function>),
    /// The struct without its methods (`methods` is empty); those are beside it.
    Struct {
        ast: Arc<ast::Struct>,
        methods: Vec<Arc<ast::Function>>,
    },
    Const(Arc<ast::Const>),
    Import(Arc<ast::Import>),
    Error,
}

/// What one chunk declares, and its syntax errors (chunk-relative).
#[derive(Debug, PartialEq, Eq)]
pub struct ChunkItems {
    pub items: Vec<ChunkItem>,
    pub syntax_errors: Vec<Diagnostic>,
}

/// The items of one chunk as shared ASTs.
///
/// Firewall: keyed by the chunk text, so it runs once per distinct text; the `Arc`s it
/// makes are what later revisions compare by pointer.
#[salsa::tracked(returns(clone), no_eq)]
pub fn chunk_items(db: &dyn Db, chunk: ChunkText) -> Arc<ChunkItems> {
    let parse = parse_chunk(db, chunk);
    let items = parse
        .module
        .items
        .iter()
        .map(|item| match item {
            ast::Item::Function(function) => ChunkItem::Function(Arc::new(function.clone())),
            ast::Item::Struct(strukt) => {
                let methods = strukt.methods.iter().cloned().map(Arc::new).collect();
                let ast = Arc::new(ast::Struct {
                    methods: Vec::new(),
                    ..strukt.clone()
                });
                ChunkItem::Struct { ast, methods }
            }
            ast::Item::Const(konst) => ChunkItem::Const(Arc::new(konst.clone())),
            ast::Item::Import(import) => ChunkItem::Import(Arc::new(import.clone())),
            ast::Item::Error(_) => ChunkItem::Error,
        })
        .collect();
    Arc::new(ChunkItems {
        items,
        syntax_errors: parse.errors.clone(),
    })
}

/// The id of one item of a chunk, parallel to [`ChunkItems::items`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemId {
    Function(FunctionId),
    Struct {
        id: StructId,
        methods: Vec<FunctionId>,
    },
    Const(ConstId),
    Import,
    Error,
}

/// Where an item's AST is: its chunk and position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemLocation {
    pub chunk: ChunkText,
    pub item: u32,
    /// For methods: the position among the struct's methods.
    pub method: Option<u32>,
}

/// One chunk of the item tree: its text, its items and their ids (parallel).
#[derive(Debug, PartialEq, Eq)]
pub struct ChunkEntry {
    pub text: ChunkText,
    pub items: Arc<ChunkItems>,
    pub ids: Vec<ItemId>,
}

/// The locations of the items whose ids fall in one bucket (see [`item_locations`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LocationBucket {
    pub functions: FxHashMap<FunctionId, ItemLocation>,
    /// With the ids of the struct's methods.
    pub structs: FxHashMap<StructId, (ItemLocation, Vec<FunctionId>)>,
    pub consts: FxHashMap<ConstId, ItemLocation>,
}

/// How many buckets the item locations of a file are split into.
const BUCKETS: usize = 64;

fn bucket_of(id: impl AsId) -> usize {
    id.as_id().index() as usize % BUCKETS
}

/// The items of a file: per chunk (parallel to [`file_chunks`]) its items and their ids,
/// and the locations of items by id, split into buckets.
#[derive(Debug, PartialEq, Eq)]
pub struct ItemTree {
    pub chunks: Vec<ChunkEntry>,
    pub buckets: Vec<Arc<LocationBucket>>,
}

/// The item tree of a file.
///
/// Equality: changes whenever a chunk's text changes (it records chunk texts), so it re-runs
/// on every edit; it is linear in the number of items and parses only new chunks. Nothing
/// per item reads it directly: [`item_locations`] splits it into buckets that backdate.
#[salsa::tracked(returns(clone))]
pub fn item_tree(db: &dyn Db, file: SourceFile) -> Arc<ItemTree> {
    let chunks = file_chunks(db, file);
    let all_items: Vec<Arc<ChunkItems>> = chunks
        .iter()
        .map(|chunk| chunk_items(db, chunk.text))
        .collect();
    let mut buckets: Vec<LocationBucket> =
        (0..BUCKETS).map(|_| LocationBucket::default()).collect();
    let mut entries = Vec::with_capacity(chunks.len());
    let mut ordinals: FxHashMap<(Option<StructId>, &str), u32> = FxHashMap::default();
    for (chunk, items) in chunks.iter().zip(&all_items) {
        let mut ids = Vec::with_capacity(items.items.len());
        for (index, item) in items.items.iter().enumerate() {
            let location = ItemLocation {
                chunk: chunk.text,
                item: index as u32,
                method: None,
            };
            let id = match item {
                ChunkItem::Function(function) => {
                    let name = &function.name.text;
                    let id = FunctionId::new(
                        db,
                        file,
                        None,
                        name.as_str(),
                        next_ordinal(&mut ordinals, None, name),
                    );
                    buckets[bucket_of(id)].functions.insert(id, location);
                    ItemId::Function(id)
                }
                ChunkItem::Struct { ast, methods } => {
                    let name = &ast.name.text;
                    let id = StructId::new(
                        db,
                        file,
                        name.as_str(),
                        next_ordinal(&mut ordinals, None, name),
                    );
                    let method_ids: Vec<FunctionId> = methods
                        .iter()
                        .enumerate()
                        .map(|(method_index, method)| {
                            let name = &method.name.text;
                            let ordinal = next_ordinal(&mut ordinals, Some(id), name);
                            let method_id =
                                FunctionId::new(db, file, Some(id), name.as_str(), ordinal);
                            let location = ItemLocation {
                                method: Some(method_index as u32),
                                ..location
                            };
                            buckets[bucket_of(method_id)]
                                .functions
                                .insert(method_id, location);
                            method_id
                        })
                        .collect();
                    buckets[bucket_of(id)]
                        .structs
                        .insert(id, (location, method_ids.clone()));
                    ItemId::Struct {
                        id,
                        methods: method_ids,
                    }
                }
                ChunkItem::Const(konst) => {
                    let name = &konst.name.text;
                    let id = ConstId::new(
                        db,
                        file,
                        name.as_str(),
                        next_ordinal(&mut ordinals, None, name),
                    );
                    buckets[bucket_of(id)].consts.insert(id, location);
                    ItemId::Const(id)
                }
                ChunkItem::Import(_) => ItemId::Import,
                ChunkItem::Error => ItemId::Error,
            };
            ids.push(id);
        }
        entries.push(ChunkEntry {
            text: chunk.text,
            items: items.clone(),
            ids,
        });
    }
    Arc::new(ItemTree {
        chunks: entries,
        buckets: buckets.into_iter().map(Arc::new).collect(),
    })
}

/// The ordinal of the next item named `name` in `owner` (the module for `None`): 0 for the
/// first, 1 for its first duplicate... Items of a module share one namespace.
fn next_ordinal<'a>(
    ordinals: &mut FxHashMap<(Option<StructId>, &'a str), u32>,
    owner: Option<StructId>,
    name: &'a str,
) -> u32 {
    let slot = ordinals.entry((owner, name)).or_insert(0);
    *slot += 1;
    *slot - 1
}

/// One bucket of item locations of a file.
///
/// Firewall: re-runs on every edit (it reads the item tree) but backdates unless an item of
/// this bucket moved to another chunk text, so an edit re-runs the AST lookups of the items
/// of one bucket, not of every item.
#[salsa::tracked(returns(clone))]
pub fn item_locations(db: &dyn Db, file: SourceFile, bucket: u32) -> Arc<LocationBucket> {
    item_tree(db, file).buckets[bucket as usize].clone()
}

fn bucket_for(db: &dyn Db, file: SourceFile, id: impl AsId) -> Arc<LocationBucket> {
    item_locations(db, file, bucket_of(id) as u32)
}

/// The AST of a function or method (chunk-relative spans).
///
/// Equality: an `Arc` shared with [`chunk_items`]; unchanged functions are pointer-equal,
/// so this backdates cheaply when it re-runs.
#[salsa::tracked(returns(clone))]
pub fn function_body(db: &dyn Db, function: FunctionId) -> Option<Arc<ast::Function>> {
    let location = *bucket_for(db, function.file(db), function)
        .functions
        .get(&function)?;
    let items = chunk_items(db, location.chunk);
    match (&items.items[location.item as usize], location.method) {
        (ChunkItem::Function(ast), None) => Some(ast.clone()),
        (ChunkItem::Struct { methods, .. }, Some(method)) => Some(methods[method as usize].clone()),
        _ => None,
    }
}

/// The AST of a struct, without its methods, and the ids of its methods (see
/// [`function_body`] for the equality).
#[salsa::tracked(returns(clone))]
pub fn struct_body(db: &dyn Db, strukt: StructId) -> Option<(Arc<ast::Struct>, Vec<FunctionId>)> {
    let (location, methods) = bucket_for(db, strukt.file(db), strukt)
        .structs
        .get(&strukt)?
        .clone();
    match &chunk_items(db, location.chunk).items[location.item as usize] {
        ChunkItem::Struct { ast, .. } => Some((ast.clone(), methods)),
        _ => None,
    }
}

/// The AST of a constant (see [`function_body`] for the equality).
#[salsa::tracked(returns(clone))]
pub fn const_body(db: &dyn Db, konst: ConstId) -> Option<Arc<ast::Const>> {
    let location = *bucket_for(db, konst.file(db), konst).consts.get(&konst)?;
    match &chunk_items(db, location.chunk).items[location.item as usize] {
        ChunkItem::Const(ast) => Some(ast.clone()),
        _ => None,
    }
}

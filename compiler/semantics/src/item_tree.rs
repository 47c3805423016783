//! Item identities and the item tree: which functions, structs, constants and imports each
//! chunk of a file declares.
//!
//! Ids are interned from what names an item (file, owner struct, name, and an ordinal that
//! tells duplicates apart), never from positions or chunk texts, so an item keeps its id
//! across every edit that does not rename it. The tree is built from what each chunk
//! declares ([`chunk_items`]), never from bodies, so an edit inside a body leaves it as it
//! was. The ASTs of items are handed out as `Arc`s made once per chunk parse: an item of an
//! unchanged chunk is pointer-equal in the next revision.

use std::sync::Arc;

use mlc_syntax::ast;
use rustc_hash::FxHashMap;
use salsa::plumbing::AsId;

use crate::db::{Db, SourceFile};
use crate::source_chunks::{chunk_items, parse_chunk, Chunk, ChunkItem, ChunkItems, DeclaredItem};

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

/// The id of one item of a chunk, parallel to [`ChunkItems::items`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemId {
    Function(FunctionId),
    Struct { id: StructId, methods: Vec<FunctionId> },
    Const(ConstId),
    Import,
    Error,
}

/// Where an item's AST is: its chunk and position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemLocation {
    pub chunk: Chunk,
    pub item: u32,
    /// For methods: the position among the struct's methods.
    pub method: Option<u32>,
}

/// One chunk of the item tree: the chunk, what it declares and the ids (parallel).
#[derive(Debug, PartialEq, Eq)]
pub struct ChunkEntry {
    pub chunk: Chunk,
    pub items: Arc<ChunkItems>,
    pub ids: Arc<[ItemId]>,
}

/// The locations of the items whose ids fall in one bucket, and the item ids of the chunks
/// that fall in it (see [`item_locations`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LocationBucket {
    pub functions: FxHashMap<FunctionId, ItemLocation>,
    /// With the ids of the struct's methods.
    pub structs: FxHashMap<StructId, (ItemLocation, Vec<FunctionId>)>,
    pub consts: FxHashMap<ConstId, ItemLocation>,
    pub chunks: FxHashMap<Chunk, Arc<[ItemId]>>,
}

/// How many buckets the item locations of a file are split into.
const BUCKETS: usize = 64;

fn bucket_of(id: impl AsId) -> usize {
    id.as_id().index() as usize % BUCKETS
}

/// The items of a file: per chunk (parallel to [`SourceFile::chunks`]) what it declares and
/// the ids, and the locations of items by id, split into buckets.
#[derive(Debug, PartialEq, Eq)]
pub struct ItemTree {
    pub chunks: Vec<ChunkEntry>,
    pub buckets: Vec<Arc<LocationBucket>>,
}

/// The item tree of a file.
///
/// Depends on the chunk list and each chunk's [`chunk_items`] only (no text, no offsets):
/// an edit inside a body re-runs neither this nor anything that reads it. It re-runs when a
/// chunk is added or removed or declares something else, linear in the number of items;
/// nothing per item reads it directly: [`item_locations`] splits it into buckets that
/// backdate.
#[salsa::tracked(returns(clone))]
pub fn item_tree(db: &dyn Db, file: SourceFile) -> Arc<ItemTree> {
    let chunks = file.chunks(db);
    let all_items: Vec<Arc<ChunkItems>> =
        chunks.iter().map(|&chunk| chunk_items(db, chunk)).collect();
    let mut buckets: Vec<LocationBucket> =
        (0..BUCKETS).map(|_| LocationBucket::default()).collect();
    let mut entries = Vec::with_capacity(chunks.len());
    let mut ordinals: FxHashMap<(Option<StructId>, &str), u32> = FxHashMap::default();
    for (&chunk, items) in chunks.iter().zip(&all_items) {
        let mut ids = Vec::with_capacity(items.items.len());
        for (index, item) in items.items.iter().enumerate() {
            let location = ItemLocation { chunk, item: index as u32, method: None };
            let id = match item {
                DeclaredItem::Function(header) => {
                    let name = &header.name.text;
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
                DeclaredItem::Struct { ast, methods } => {
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
                        .map(|(method_index, name)| {
                            let ordinal = next_ordinal(&mut ordinals, Some(id), name);
                            let method_id =
                                FunctionId::new(db, file, Some(id), name.as_str(), ordinal);
                            let location =
                                ItemLocation { method: Some(method_index as u32), ..location };
                            buckets[bucket_of(method_id)].functions.insert(method_id, location);
                            method_id
                        })
                        .collect();
                    buckets[bucket_of(id)].structs.insert(id, (location, method_ids.clone()));
                    ItemId::Struct { id, methods: method_ids }
                }
                DeclaredItem::Const(konst) => {
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
                DeclaredItem::Import(_) => ItemId::Import,
                DeclaredItem::Error => ItemId::Error,
            };
            ids.push(id);
        }
        let ids: Arc<[ItemId]> = ids.into();
        buckets[bucket_of(chunk)].chunks.insert(chunk, ids.clone());
        entries.push(ChunkEntry { chunk, items: items.clone(), ids });
    }
    Arc::new(ItemTree { chunks: entries, buckets: buckets.into_iter().map(Arc::new).collect() })
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
/// Firewall: re-runs when the item tree does, but backdates unless an item or a chunk of
/// this bucket changed, so an edit that changes declarations re-runs the AST lookups of the
/// items of one bucket, not of every item.
#[salsa::tracked(returns(clone))]
pub fn item_locations(db: &dyn Db, file: SourceFile, bucket: u32) -> Arc<LocationBucket> {
    item_tree(db, file).buckets[bucket as usize].clone()
}

fn bucket_for(db: &dyn Db, file: SourceFile, id: impl AsId) -> Arc<LocationBucket> {
    item_locations(db, file, bucket_of(id) as u32)
}

/// The chunk that holds a function or method (for tools that map its chunk-relative spans
/// back to the file, such as IR lowering's source locations).
pub fn function_chunk(db: &dyn Db, function: FunctionId) -> Option<Chunk> {
    bucket_for(db, function.file(db), function).functions.get(&function).map(|l| l.chunk)
}

/// The ids of a chunk's items, parallel to [`ChunkItems::items`] (empty for a chunk that is
/// no longer part of its file).
pub fn chunk_item_ids(db: &dyn Db, chunk: Chunk) -> Arc<[ItemId]> {
    bucket_for(db, chunk.file(db), chunk)
        .chunks
        .get(&chunk)
        .cloned()
        .unwrap_or_else(|| Arc::new([]))
}

/// The AST of a function or method (chunk-relative spans).
///
/// Equality: an `Arc` shared with [`parse_chunk`]; it re-runs only when its chunk was parsed
/// again (or the item moved), and then backdates if the function's tree (spans included)
/// is the same, so a change after it in the chunk, such as a comment, re-infers nothing.
#[salsa::tracked(returns(clone))]
pub fn function_body(db: &dyn Db, function: FunctionId) -> Option<Arc<ast::Function>> {
    let location = *bucket_for(db, function.file(db), function).functions.get(&function)?;
    let parse = parse_chunk(db, location.chunk);
    match (parse.items.get(location.item as usize)?, location.method) {
        (ChunkItem::Function(ast), None) => Some(ast.clone()),
        (ChunkItem::Struct { methods, .. }, Some(method)) => methods.get(method as usize).cloned(),
        _ => None,
    }
}

/// What a function's signature is computed from: for a top-level function its declaration
/// (the tree without its body, from [`chunk_items`]), which an edit of its body does not
/// touch even while the chunk's text is `LOW` (see `Chunk::items`); for a method, its whole
/// tree ([`function_body`]).
///
/// Not a query: its callers (the signature, the `main` checks) are, and depend on what it
/// reads; a memo of its own would only add one more to re-verify per function.
pub fn function_header(db: &dyn Db, function: FunctionId) -> Option<Arc<ast::Function>> {
    if function.owner(db).is_some() {
        return function_body(db, function);
    }
    let location = *bucket_for(db, function.file(db), function).functions.get(&function)?;
    match chunk_items(db, location.chunk).items.get(location.item as usize)? {
        DeclaredItem::Function(header) => Some(header.clone()),
        _ => None,
    }
}

/// The declaration of a struct (its fields, no methods) and the ids of its methods.
///
/// Equality: from [`chunk_items`], so a body edit does not re-run it.
#[salsa::tracked(returns(clone))]
pub fn struct_body(db: &dyn Db, strukt: StructId) -> Option<(Arc<ast::Struct>, Vec<FunctionId>)> {
    let (location, methods) = bucket_for(db, strukt.file(db), strukt).structs.get(&strukt)?.clone();
    match chunk_items(db, location.chunk).items.get(location.item as usize)? {
        DeclaredItem::Struct { ast, .. } => Some((ast.clone(), methods)),
        _ => None,
    }
}

/// The AST of a constant (see [`struct_body`] for the equality).
#[salsa::tracked(returns(clone))]
pub fn const_body(db: &dyn Db, konst: ConstId) -> Option<Arc<ast::Const>> {
    let location = *bucket_for(db, konst.file(db), konst).consts.get(&konst)?;
    match chunk_items(db, location.chunk).items.get(location.item as usize)? {
        DeclaredItem::Const(ast) => Some(ast.clone()),
        _ => None,
    }
}

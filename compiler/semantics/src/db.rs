//! The salsa database: the inputs (source files, their chunks, the standard library's file
//! list) and the concrete [`Database`] that the driver, the tests and the language server
//! hold.
//!
//! Every query of this crate takes `&dyn Db`; [`Database`] is the one implementation. It
//! registers the standard library's files when created, keeps each file's chunks in step
//! with its text (splitting on [`Database::add_file`], re-splitting only what an edit
//! reaches on [`Database::set_file_text`]), and, when made by [`Database::with_query_log`],
//! can record which queries ran so that tests can assert what an edit re-computed.
//!
//! Durability is what keeps an edit's cost proportional to the edit. What a typing user
//! changes is `LOW`: the text of the chunks an edit wrote. What changes only with
//! declarations is `MEDIUM`: chunk lists, what each chunk declares, and the text of chunks
//! not edited since the file was added. The standard library is `HIGH`. A result that read
//! only `MEDIUM` inputs is known valid without re-checking its dependencies after a `LOW`
//! change, so after an edit inside a body salsa re-verifies only what depends on that body.
//! The first edit of a chunk makes its text `LOW`, a `MEDIUM` change: that edit re-verifies
//! everything once (without re-running it).

use std::sync::{Arc, Mutex};

use salsa::plumbing::FromId;
use salsa::{DatabaseKeyIndex, Durability, Setter};

use crate::item_tree::{ConstId, FunctionId, StructId};
use crate::resplit::resplit;
use crate::source_chunks::{chunk_starts, Chunk, ChunkItems, ChunkParse};
use crate::stdlib;

/// One source file: the input of everything else. Its fields change together, through
/// [`Database::set_file_text`] only (salsa's setters would not keep them in step).
#[salsa::input(debug)]
pub struct SourceFile {
    #[returns(ref)]
    pub path: String,
    /// The whole text, for renderers and tools. No query reads it: queries read chunks.
    #[returns(ref)]
    pub text: String,
    /// The chunks of the text, in order, covering all of it (none for an empty text).
    #[returns(ref)]
    pub chunks: Vec<Chunk>,
    /// Where each chunk starts in the text (parallel to `chunks`). Only `check_file`, which
    /// is not a query, reads it, to make spans absolute: moving a chunk changes no query's
    /// input.
    #[returns(ref)]
    pub chunk_offsets: Vec<u32>,
}

/// The standard library's modules, by name (`math`, `tensor`, `gpu`, `time`). An input so
/// that queries depend on it like on any other; it is set once, when the database is made.
#[salsa::input(debug)]
pub struct StdlibModules {
    #[returns(ref)]
    pub modules: Vec<(String, SourceFile)>,
}

/// The database as the queries see it.
#[salsa::db]
pub trait Db: salsa::Database {
    /// The standard library's file list.
    fn stdlib(&self) -> StdlibModules;
}

/// The text of chunks an edit wrote (and what no query reads: file texts, offsets).
const EDITED: Durability = Durability::LOW;
/// What changes only when declarations do (see the module documentation).
const DECLARED: Durability = Durability::MEDIUM;
/// The standard library, which never changes.
const STDLIB: Durability = Durability::HIGH;

type QueryLog = Arc<Mutex<Option<Vec<DatabaseKeyIndex>>>>;

/// The concrete database. `Database::new()` (and `Default`) registers the standard library.
#[salsa::db]
#[derive(Clone)]
pub struct Database {
    storage: salsa::Storage<Self>,
    /// Only in databases made by [`Database::with_query_log`]: salsa's event hook costs a
    /// call on every query fetch, so the others have none.
    query_log: Option<QueryLog>,
    /// Set once by [`Database::new`]; `None` only while it runs.
    stdlib: Option<StdlibModules>,
    /// Chunks that edits dropped, reused for the next new chunks. Salsa cannot delete an
    /// input (nor free the results keyed by it), so reuse bounds the number of chunks, and
    /// of stale results, by the most chunks the files ever had at once.
    free_chunks: Vec<Chunk>,
}

impl Default for Database {
    fn default() -> Database {
        Database::new()
    }
}

impl Database {
    pub fn new() -> Database {
        Database::with_storage(salsa::Storage::new(None), None)
    }

    /// A database that can record which queries run ([`Database::enable_query_log`]); for
    /// tests of incrementality.
    pub fn with_query_log() -> Database {
        let query_log: QueryLog = Arc::default();
        let storage = salsa::Storage::new(Some(Box::new({
            let query_log = query_log.clone();
            move |event: salsa::Event| {
                if let salsa::EventKind::WillExecute { database_key } = event.kind {
                    if let Some(log) = &mut *query_log.lock().unwrap() {
                        log.push(database_key);
                    }
                }
            }
        })));
        Database::with_storage(storage, Some(query_log))
    }

    fn with_storage(storage: salsa::Storage<Self>, query_log: Option<QueryLog>) -> Database {
        let mut database = Database { storage, query_log, stdlib: None, free_chunks: Vec::new() };
        let modules = stdlib::SOURCES
            .iter()
            .map(|(name, text)| {
                let file = database.create_file(format!("<stdlib>/{name}.ml"), text, STDLIB);
                (name.to_string(), file)
            })
            .collect();
        let stdlib = StdlibModules::builder(modules).modules_durability(STDLIB).new(&database);
        database.stdlib = Some(stdlib);
        database
    }

    /// Registers a file; `path` is what diagnostics name it by.
    pub fn add_file(&mut self, path: &str, text: &str) -> SourceFile {
        self.create_file(path.to_string(), text, DECLARED)
    }

    /// Splits `text` into chunks of `durability` (their declarations are read from their
    /// parses, when first needed).
    fn create_file(&mut self, path: String, text: &str, durability: Durability) -> SourceFile {
        let file = SourceFile::builder(path, text.to_string(), Vec::new(), Vec::new())
            .path_durability(durability)
            .new(self);
        let starts = chunk_starts(text);
        let chunks = starts
            .windows(2)
            .map(|bounds| {
                Chunk::builder(file, text[bounds[0]..bounds[1]].to_string(), None)
                    .file_durability(durability)
                    .text_durability(durability)
                    .items_durability(durability)
                    .new(self)
            })
            .collect();
        let offsets = starts[..starts.len() - 1].iter().map(|&start| offset(start)).collect();
        // The fields were made `LOW`: raising them is a `LOW` change, nothing to re-verify.
        file.set_chunks(self).with_durability(durability).to(chunks);
        file.set_chunk_offsets(self).to(offsets);
        file
    }

    /// Replaces the text of `file`. Only the chunks the edit reaches are written: a chunk
    /// whose text is unchanged keeps its identity and everything computed from it, and when
    /// the edit leaves the number of chunks as it was, the chunk list is not written either.
    pub fn set_file_text(&mut self, file: SourceFile, text: &str) {
        let Some(plan) = resplit(file.text(self), file.chunk_offsets(self), text) else {
            return;
        };
        let old_region: Vec<Chunk> = file.chunks(self)[plan.first..plan.old_end].to_vec();
        let mut bounds = plan.new_starts.clone();
        bounds.push(plan.new_end);
        let new_region: Vec<&str> = bounds.windows(2).map(|pair| &text[pair[0]..pair[1]]).collect();

        // Chunks equal at either end of the region keep their identity; the ones between
        // are rewritten in place, created or dropped.
        let same =
            |db: &Database, old: usize, new: usize| old_region[old].text(db) == new_region[new];
        let mut left = 0;
        while left < old_region.len().min(new_region.len()) && same(self, left, left) {
            left += 1;
        }
        let mut right = 0;
        while right < (old_region.len() - left).min(new_region.len() - left)
            && same(self, old_region.len() - 1 - right, new_region.len() - 1 - right)
        {
            right += 1;
        }
        let old_middle = &old_region[left..old_region.len() - right];
        let new_middle = &new_region[left..new_region.len() - right];
        let mut middle = Vec::with_capacity(new_middle.len());
        for (index, chunk_text) in new_middle.iter().enumerate() {
            middle.push(match old_middle.get(index) {
                Some(&chunk) => {
                    self.write_chunk(chunk, file, chunk_text);
                    chunk
                }
                None => self.new_chunk(file, chunk_text),
            });
        }
        for &dropped in old_middle.iter().skip(new_middle.len()) {
            self.drop_chunk(dropped);
        }
        if old_middle.len() != new_middle.len() {
            let old = file.chunks(self);
            let kept_before = plan.first + left;
            let kept_after = plan.first + left + old_middle.len();
            let mut chunks = Vec::with_capacity(old.len() + middle.len() - old_middle.len());
            chunks.extend_from_slice(&old[..kept_before]);
            chunks.extend_from_slice(&middle);
            chunks.extend_from_slice(&old[kept_after..]);
            file.set_chunks(self).to(chunks);
        }

        // Offsets and text are updated in place (taken out of the input and put back): no
        // allocation, no page faults for a large file.
        let mut offsets = file.set_chunk_offsets(self).to(Vec::new());
        let replaced = plan.first..plan.old_end;
        offsets.splice(replaced, plan.new_starts.iter().map(|&start| offset(start)));
        for start in &mut offsets[plan.first + plan.new_starts.len()..] {
            *start = (*start as i64 + plan.delta) as u32;
        }
        file.set_chunk_offsets(self).to(offsets);
        let mut buffer = file.set_text(self).to(String::new());
        buffer.clear();
        buffer.push_str(text);
        file.set_text(self).to(buffer);
    }

    /// Gives `chunk` a new text, with its declarations (parsed here: see [`Chunk::items`]).
    fn write_chunk(&mut self, chunk: Chunk, file: SourceFile, text: &str) {
        if chunk.file(self) != file {
            chunk.set_file(self).to(file);
        }
        if chunk.text(self) != text {
            chunk.set_text(self).with_durability(EDITED).to(text.to_string());
        }
        let items = ChunkItems::of(&ChunkParse::of(text));
        if chunk.items(self).as_deref() != Some(&items) {
            chunk.set_items(self).to(Some(Arc::new(items)));
        }
    }

    fn new_chunk(&mut self, file: SourceFile, text: &str) -> Chunk {
        if let Some(chunk) = self.free_chunks.pop() {
            self.write_chunk(chunk, file, text);
            return chunk;
        }
        let items = ChunkItems::of(&ChunkParse::of(text));
        Chunk::builder(file, text.to_string(), Some(Arc::new(items)))
            .file_durability(DECLARED)
            .text_durability(EDITED)
            .items_durability(DECLARED)
            .new(self)
    }

    /// Frees a dropped chunk's text and declarations, and keeps it for reuse.
    fn drop_chunk(&mut self, chunk: Chunk) {
        chunk.set_text(self).to(String::new());
        chunk.set_items(self).to(None);
        self.free_chunks.push(chunk);
    }

    /// Starts recording which queries execute (not those whose memo is reused).
    ///
    /// # Panics
    /// If the database was not made by [`Database::with_query_log`].
    pub fn enable_query_log(&self) {
        let query_log = self
            .query_log
            .as_ref()
            .expect("only a database made by `Database::with_query_log` records queries");
        let mut log = query_log.lock().unwrap();
        if log.is_none() {
            *log = Some(Vec::new());
        }
    }

    /// The queries that executed since the last call, as `query(key)` where the key is
    /// readable: `infer_function(main)`, `function_signature(Vec3.dot)`, `parse_chunk(fn fib)`.
    pub fn take_query_log(&self) -> Vec<String> {
        let keys = match self.query_log.as_ref() {
            Some(query_log) => query_log.lock().unwrap().as_mut().map(std::mem::take),
            None => None,
        };
        keys.unwrap_or_default().into_iter().map(|key| self.describe_query(key)).collect()
    }

    fn describe_query(&self, key: DatabaseKeyIndex) -> String {
        use salsa::Database as _;
        let spelled = self.attach(|_| format!("{key:?}"));
        let name = spelled.split('(').next().unwrap_or(&spelled).to_string();
        let id = key.key_index();
        let readable = match name.as_str() {
            "infer_function" | "function_body" | "function_signature" | "device_compatibility" => {
                FunctionId::from_id(id).display_name(self)
            }
            "struct_data" | "struct_body" => StructId::from_id(id).name(self).clone(),
            "const_data" | "const_body" => ConstId::from_id(id).name(self).clone(),
            "parse_chunk" | "chunk_items" | "chunk_diagnostics" => Chunk::from_id(id).summary(self),
            "item_tree" | "module_scope" | "module_diagnostics" | "main_diagnostics" => {
                SourceFile::from_id(id).path(self).clone()
            }
            _ => return spelled,
        };
        format!("{name}({readable})")
    }
}

/// A byte offset as chunk offsets store it.
fn offset(position: usize) -> u32 {
    u32::try_from(position).expect("source files are smaller than 4 GiB")
}

#[salsa::db]
impl salsa::Database for Database {}

#[salsa::db]
impl Db for Database {
    fn stdlib(&self) -> StdlibModules {
        self.stdlib.expect("the standard library is registered by Database::new")
    }
}

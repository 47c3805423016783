//! The salsa database: the inputs (source files, the standard library's file list) and the
//! concrete [`Database`] that the driver, the tests and the language server hold.
//!
//! Every query of this crate takes `&dyn Db`; [`Database`] is the one implementation. It
//! registers the standard library's files when created, and can record which queries ran
//! (salsa's `WillExecute` events) so that tests can assert what an edit re-computed.

use std::sync::{Arc, Mutex};

use salsa::plumbing::FromId;
use salsa::{DatabaseKeyIndex, Durability, Setter};

use crate::item_tree::{ConstId, FunctionId, StructId};
use crate::source_chunks::ChunkText;
use crate::stdlib;

/// One source file: the input of everything else. Its text changes when the user edits it.
#[salsa::input(debug)]
pub struct SourceFile {
    #[returns(ref)]
    pub path: String,
    #[returns(ref)]
    pub text: String,
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

type QueryLog = Arc<Mutex<Option<Vec<DatabaseKeyIndex>>>>;

/// The concrete database. `Database::new()` (and `Default`) registers the standard library.
#[salsa::db]
#[derive(Clone)]
pub struct Database {
    storage: salsa::Storage<Self>,
    query_log: QueryLog,
    /// Set once by [`Database::new`]; `None` only while it runs.
    stdlib: Option<StdlibModules>,
}

impl Default for Database {
    fn default() -> Database {
        Database::new()
    }
}

impl Database {
    pub fn new() -> Database {
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
        let mut database = Database {
            storage,
            query_log,
            stdlib: None,
        };
        let modules = stdlib::SOURCES
            .iter()
            .map(|(name, text)| {
                // The standard library never changes: HIGH durability lets salsa skip
                // re-verifying what depends only on it after a user edit.
                let file = SourceFile::builder(format!("<stdlib>/{name}.ml"), text.to_string())
                    .path_durability(Durability::HIGH)
                    .text_durability(Durability::HIGH)
                    .new(&database);
                (name.to_string(), file)
            })
            .collect();
        let stdlib = StdlibModules::builder(modules)
            .modules_durability(Durability::HIGH)
            .new(&database);
        database.stdlib = Some(stdlib);
        database
    }

    /// Registers a file; `path` is what diagnostics name it by.
    pub fn add_file(&mut self, path: &str, text: &str) -> SourceFile {
        SourceFile::new(self, path.to_string(), text.to_string())
    }

    pub fn set_file_text(&mut self, file: SourceFile, text: &str) {
        file.set_text(self).to(text.to_string());
    }

    /// Starts recording which queries execute (not those whose memo is reused).
    pub fn enable_query_log(&self) {
        let mut log = self.query_log.lock().unwrap();
        if log.is_none() {
            *log = Some(Vec::new());
        }
    }

    /// The queries that executed since the last call, as `query(key)` where the key is
    /// readable: `infer_function(main)`, `function_signature(Vec3.dot)`, `parse_chunk(fn fib)`.
    pub fn take_query_log(&self) -> Vec<String> {
        let keys = match &mut *self.query_log.lock().unwrap() {
            Some(log) => std::mem::take(log),
            None => Vec::new(),
        };
        keys.into_iter()
            .map(|key| self.describe_query(key))
            .collect()
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
            "parse_chunk" | "chunk_items" => ChunkText::from_id(id).summary(self),
            "file_chunks" | "item_tree" | "module_scope" => {
                SourceFile::from_id(id).path(self).clone()
            }
            _ => return spelled,
        };
        format!("{name}({readable})")
    }
}

#[salsa::db]
impl salsa::Database for Database {}

#[salsa::db]
impl Db for Database {
    fn stdlib(&self) -> StdlibModules {
        self.stdlib
            .expect("the standard library is registered by Database::new")
    }
}

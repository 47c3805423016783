//! `-g`: a compile unit for the source, a subprogram per function and a line-table location
//! per instruction from its op's `loc("file":line:col)`.
//!
//! Every instruction gets a location, the function's own line when its op has none: LLVM
//! rejects an inlinable call without one in a function that has a subprogram. A location in
//! another file than its function's is scoped by a lexical block of that file.

use std::collections::HashMap;
use std::path::Path;

use inkwell::context::Context;
use inkwell::debug_info::{
    AsDIScope, DIFile, DIFlags, DIFlagsConstants, DILexicalBlock, DILocation, DIScope,
    DISubprogram, DWARFEmissionKind, DWARFSourceLanguage, DebugInfoBuilder,
};
use inkwell::module::{FlagBehavior, Module};
use inkwell::values::FunctionValue;
use mlc_ir::Location;

pub(crate) struct DebugInfo<'ctx> {
    context: &'ctx Context,
    builder: DebugInfoBuilder<'ctx>,
    /// The compile unit's folder, against which relative source paths resolve.
    directory: String,
    source_name: String,
    files: HashMap<String, DIFile<'ctx>>,
    optimized: bool,
}

/// The debug scope of one function being translated.
pub(crate) struct FunctionScope<'ctx> {
    subprogram: DISubprogram<'ctx>,
    file: String,
    line: u32,
    other_files: HashMap<String, DILexicalBlock<'ctx>>,
}

impl<'ctx> DebugInfo<'ctx> {
    pub(crate) fn new(
        context: &'ctx Context,
        module: &Module<'ctx>,
        source_name: &str,
        optimized: bool,
    ) -> DebugInfo<'ctx> {
        let i32_type = context.i32_type();
        // Without these flags LLVM drops the debug info (or the linker cannot read it).
        module.add_basic_value_flag(
            "Debug Info Version",
            FlagBehavior::Warning,
            i32_type.const_int(u64::from(inkwell::debug_info::debug_metadata_version()), false),
        );
        module.add_basic_value_flag(
            "Dwarf Version",
            FlagBehavior::Warning,
            i32_type.const_int(4, false),
        );
        let directory = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| ".".to_string());
        let (file_name, file_directory) = split_path(source_name, &directory);
        // The compile unit is recorded in the module (`llvm.dbg.cu`); subprograms name it.
        let (builder, _unit) = module.create_debug_info_builder(
            true,
            // No DWARF language code is closer to a compiled Python dialect than C for the
            // debuggers that read line tables.
            DWARFSourceLanguage::C,
            &file_name,
            &file_directory,
            "mlc",
            optimized,
            "",
            0,
            "",
            DWARFEmissionKind::LineTablesOnly,
            0,
            false,
            false,
            "",
            "",
        );
        DebugInfo {
            context,
            builder,
            directory,
            source_name: source_name.to_string(),
            files: HashMap::new(),
            optimized,
        }
    }

    fn file(&mut self, path: &str) -> DIFile<'ctx> {
        if let Some(&file) = self.files.get(path) {
            return file;
        }
        let (name, directory) = split_path(path, &self.directory);
        let file = self.builder.create_file(&name, &directory);
        self.files.insert(path.to_string(), file);
        file
    }

    /// Creates and attaches the subprogram of `function` (IR symbol `name`), at the
    /// function op's location.
    pub(crate) fn subprogram(
        &mut self,
        function: FunctionValue<'ctx>,
        name: &str,
        location: Option<&Location>,
        local: bool,
    ) -> FunctionScope<'ctx> {
        let path = location.map(|l| l.file.clone()).unwrap_or_else(|| self.source_name.clone());
        let line = location.map(|l| l.line).unwrap_or(0);
        let file = self.file(&path);
        let ty = self.builder.create_subroutine_type(file, None, &[], DIFlags::ZERO);
        let linkage_name = function.get_name().to_string_lossy().into_owned();
        let subprogram = self.builder.create_function(
            file.as_debug_info_scope(),
            name,
            Some(&linkage_name),
            file,
            line,
            ty,
            local,
            true,
            line,
            DIFlags::ZERO,
            self.optimized,
        );
        function.set_subprogram(subprogram);
        FunctionScope { subprogram, file: path, line, other_files: HashMap::new() }
    }

    /// The location of an op in `scope`'s function: its own, or the function's line.
    pub(crate) fn location(
        &mut self,
        scope: &mut FunctionScope<'ctx>,
        location: Option<&Location>,
    ) -> DILocation<'ctx> {
        let (line, column, lexical_scope) = match location {
            None => (scope.line, 0, scope.subprogram.as_debug_info_scope()),
            Some(l) => (l.line, l.column, self.scope_for(scope, &l.file)),
        };
        self.builder.create_debug_location(self.context, line, column, lexical_scope, None)
    }

    fn scope_for(&mut self, scope: &mut FunctionScope<'ctx>, path: &str) -> DIScope<'ctx> {
        if path == scope.file {
            return scope.subprogram.as_debug_info_scope();
        }
        if let Some(block) = scope.other_files.get(path) {
            return block.as_debug_info_scope();
        }
        let file = self.file(path);
        let block = self.builder.create_lexical_block(
            scope.subprogram.as_debug_info_scope(),
            file,
            scope.line,
            0,
        );
        scope.other_files.insert(path.to_string(), block);
        block.as_debug_info_scope()
    }

    pub(crate) fn finalize(&self) {
        self.builder.finalize();
    }
}

/// A source path as DWARF's (file name, directory): an absolute path split at its last
/// separator, a relative one kept whole under `directory`.
fn split_path(path: &str, directory: &str) -> (String, String) {
    let p = Path::new(path);
    match (p.is_absolute(), p.parent(), p.file_name()) {
        (true, Some(parent), Some(name)) => {
            (name.to_string_lossy().into_owned(), parent.display().to_string())
        }
        _ => (path.to_string(), directory.to_string()),
    }
}

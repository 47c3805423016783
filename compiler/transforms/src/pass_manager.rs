//! The [`Pass`] trait and the [`PassManager`].

use mlc_ir::{print_module, verify, Module};

/// One transformation of a module.
pub trait Pass {
    /// The name pipelines and `mlc-opt --pass` use: `cse`, `tensor-fusion`.
    fn name(&self) -> &'static str;
    /// One line for `mlc-opt --list-passes`.
    fn description(&self) -> &'static str;
    /// Rewrites the module. An `Err` is a message naming what could not be done.
    fn run(&self, module: &mut Module) -> Result<(), String>;
}

/// Why a pipeline stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum PassError {
    /// The pass itself failed.
    Failed { pass: &'static str, message: String },
    /// The module did not verify after the pass (a bug in the pass: the input verified).
    Verify { pass: &'static str, errors: Vec<String> },
}

impl std::fmt::Display for PassError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PassError::Failed { pass, message } => write!(f, "pass `{pass}` failed: {message}"),
            PassError::Verify { pass, errors } => {
                write!(f, "the IR does not verify after pass `{pass}`:")?;
                for error in errors {
                    write!(f, "\n  {error}")?;
                }
                Ok(())
            }
        }
    }
}

/// Receives `(pass name, printed IR)` after each pass.
pub type IrSink = Box<dyn FnMut(&str, &str)>;

/// Runs passes in order.
#[derive(Default)]
pub struct PassManager {
    passes: Vec<Box<dyn Pass>>,
    verify_each: bool,
    print_after_each: Option<IrSink>,
}

impl PassManager {
    pub fn new() -> PassManager {
        PassManager::default()
    }

    pub fn add(&mut self, pass: Box<dyn Pass>) -> &mut PassManager {
        self.passes.push(pass);
        self
    }

    /// Verify the module after every pass (tests and `mlc-opt` do; `mlc build` does in
    /// debug builds of the compiler).
    pub fn verify_each(&mut self, on: bool) -> &mut PassManager {
        self.verify_each = on;
        self
    }

    /// Calls `sink(pass name, printed IR)` after each pass: `--print-ir-after-all`.
    pub fn print_after_each(&mut self, sink: IrSink) -> &mut PassManager {
        self.print_after_each = Some(sink);
        self
    }

    pub fn pass_names(&self) -> Vec<&'static str> {
        self.passes.iter().map(|pass| pass.name()).collect()
    }

    pub fn run(&mut self, module: &mut Module) -> Result<(), PassError> {
        for pass in &self.passes {
            pass.run(module).map_err(|message| PassError::Failed { pass: pass.name(), message })?;
            if self.verify_each {
                verify(module).map_err(|errors| PassError::Verify {
                    pass: pass.name(),
                    errors: errors.iter().map(|e| e.to_string()).collect(),
                })?;
            }
            if let Some(sink) = &mut self.print_after_each {
                sink(pass.name(), &print_module(module));
            }
        }
        Ok(())
    }
}

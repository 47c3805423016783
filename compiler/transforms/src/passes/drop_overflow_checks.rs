//! `drop-overflow-checks`: removes `{checked = true}` from integer arithmetic.
//!
//! Checked `+ - *` panic on overflow only in unoptimized builds; an optimized build wraps
//! (docs/language.md). The optimizing pipeline runs this first, so that every pass after it
//! sees the arithmetic the build will run: ops that cannot trap any more, which `licm` may
//! hoist, `dce` erase and `tail-recursion-elim` reassociate. The code-generation lowering
//! gives the same result without it (it ignores the attribute when overflow is not
//! checked): dropping it earlier only tells the passes.

use mlc_ir::Module;

use crate::effects::is_checked;
use crate::pass_manager::Pass;
use crate::rewrite::{function_bodies, ops_within};

pub struct DropOverflowChecks;

impl Pass for DropOverflowChecks {
    fn name(&self) -> &'static str {
        "drop-overflow-checks"
    }

    fn description(&self) -> &'static str {
        "makes checked integer arithmetic wrap (optimized builds do not check overflow)"
    }

    fn run(&self, module: &mut Module) -> Result<(), String> {
        for function in function_bodies(module) {
            for op in ops_within(module, function) {
                if is_checked(module, op) {
                    module.ops[op].attributes.remove("checked");
                }
            }
        }
        Ok(())
    }
}

//! The `@kernel` rules inside bodies: no Python (E0300), no heap allocation (E0301), calls
//! only of GPU-compatible functions (E0307), GPU intrinsics only inside kernels (E0306).
//!
//! The same hooks run in every body: inside a kernel they report, elsewhere they remember
//! the first reason the body cannot run on a GPU, which `device_compatibility` gives to
//! kernels that call the function.

use mlc_diagnostics::{codes, Diagnostic, Label, Span};

use super::{device_compatibility, InferenceContext};
use crate::item_tree::FunctionId;
use crate::signatures::{valid_kernel_value, FunctionSignature};
use crate::ty::Ty;

/// Something a GPU cannot do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostOnly {
    /// Any use of a Python module or object.
    Python,
    /// Making a heap value: a list, dict, string or tensor.
    Allocation(&'static str),
    /// Calling something that runs only on the host (`print`, `synchronize`, a launch...).
    HostCall(String),
}

impl HostOnly {
    fn reason(&self) -> String {
        match self {
            HostOnly::Python => "uses Python".to_string(),
            HostOnly::Allocation(what) => format!("allocates {what}"),
            HostOnly::HostCall(what) => format!("calls {what}, which runs only on the host"),
        }
    }
}

impl InferenceContext<'_> {
    /// Notes a use that cannot run on a GPU: an error inside a kernel, a remembered reason
    /// elsewhere.
    pub fn host_only(&mut self, span: Span, what: HostOnly) {
        if !self.in_kernel {
            if self.result.host_only_use.is_none() {
                self.result.host_only_use = Some(what.reason());
            }
            return;
        }
        // One diagnostic per offending expression: not again for the parts of one reported.
        if self
            .last_kernel_violation
            .is_some_and(|last| last.start <= span.start && span.end <= last.end)
        {
            return;
        }
        self.last_kernel_violation = Some(span);
        let diagnostic = match what {
            HostOnly::Python => Diagnostic::error(
                codes::PYTHON_IN_KERNEL,
                "Python cannot be used inside a `@kernel`",
                Label::new(span, "a Python object"),
            )
            .with_note("kernels run on the GPU, where there is no Python interpreter")
            .with_hint(
                "compute the value on the host before the launch and pass it to the kernel as a parameter",
            ),
            HostOnly::Allocation(what) => Diagnostic::error(
                codes::ALLOCATION_IN_KERNEL,
                format!("a `@kernel` cannot allocate {what}"),
                Label::new(span, "allocates"),
            )
            .with_hint(
                "pass tensors in as parameters, or use `shared_array[T](n)` for scratch memory",
            ),
            HostOnly::HostCall(what) => {
                let diagnostic = Diagnostic::error(
                    codes::KERNEL_CALLS_HOST_FUNCTION,
                    format!("a `@kernel` cannot call {what}"),
                    Label::new(span, "runs only on the host"),
                )
                .with_note("kernels run on the GPU; this needs the host (the CPU side)");
                if what == "`print`" {
                    diagnostic.with_hint(
                        "write the values into a `Tensor` parameter, and print them on the host after `synchronize()`",
                    )
                } else {
                    diagnostic
                }
            }
        };
        self.report(diagnostic);
    }

    /// What to change so `signature` can be called from a kernel: the parameters and return
    /// type that cannot cross to the GPU, by name.
    fn gpu_signature_hint(&self, signature: &FunctionSignature) -> String {
        let mut problems: Vec<String> = signature
            .params
            .iter()
            .filter(|param| !valid_kernel_value(&param.ty, &signature.generics))
            .map(|param| format!("the parameter `{}: {}`", param.name, param.ty.display(self.db)))
            .collect();
        if signature.return_ty != Ty::None
            && !valid_kernel_value(&signature.return_ty, &signature.generics)
        {
            problems.push(format!("the return type `{}`", signature.return_ty.display(self.db)));
        }
        format!(
            "change {} of `{}` to a number, bool or `Tensor[T]`, or do this work on the host",
            problems.join(" and "),
            signature.name
        )
    }

    /// E0306 for a GPU intrinsic used outside a kernel.
    pub fn gpu_outside_kernel(&mut self, name: &str, span: Span) {
        self.report(
            Diagnostic::error(
                codes::GPU_OUTSIDE_KERNEL,
                format!("`{name}` can only be used inside a `@kernel`"),
                Label::new(span, "GPU intrinsic"),
            )
            .with_hint("mark the function `@kernel` and launch it with `f[grid, block](args)`"),
        );
    }

    /// The checks of a direct call of a user or standard library function, in or out of a
    /// kernel. Returns false when the call is an error already reported.
    /// `span` is the callee's (where errors about the callee point); `call_span` the whole
    /// call's (an allocation error covers the arguments, so they are not reported again).
    pub fn check_call_placement(
        &mut self,
        function: FunctionId,
        signature: &FunctionSignature,
        span: Span,
        call_span: Span,
    ) -> bool {
        let flags = signature.flags;
        if flags.device_only && !self.in_kernel {
            self.gpu_outside_kernel(&signature.name, span);
            return false;
        }
        if flags.host_only {
            let allocates = matches!(signature.return_ty, Ty::Tensor(_));
            let what = if allocates {
                HostOnly::Allocation("a tensor")
            } else {
                HostOnly::HostCall(format!("`{}`", signature.name))
            };
            self.host_only(call_span, what);
            return !self.in_kernel;
        }
        if !self.in_kernel || flags.is_extern {
            return true;
        }
        // A user function called from a kernel: its signature must cross to the GPU and its
        // body must be GPU-compatible.
        let crosses =
            signature.params.iter().all(|param| valid_kernel_value(&param.ty, &signature.generics))
                && (signature.return_ty == Ty::None
                    || valid_kernel_value(&signature.return_ty, &signature.generics));
        if !crosses {
            self.report(
                Diagnostic::error(
                    codes::KERNEL_CALLS_HOST_FUNCTION,
                    format!("a `@kernel` cannot call `{}`: its signature is not GPU-compatible", signature.name),
                    Label::new(span, "called here"),
                )
                .with_note("functions called from kernels take and return only numbers, bool and `Tensor[T]`")
                .with_hint(self.gpu_signature_hint(signature)),
            );
            return false;
        }
        if let Some(reason) = device_compatibility(self.db, function) {
            self.report(
                Diagnostic::error(
                    codes::KERNEL_CALLS_HOST_FUNCTION,
                    format!("a `@kernel` cannot call `{}`: it {reason}", signature.name),
                    Label::new(span, "cannot run on the GPU"),
                )
                .with_hint(format!(
                    "make `{}` follow the kernel rules, or call it on the host instead",
                    signature.name
                )),
            );
            return false;
        }
        true
    }
}

# The `gpu` module: what a `@kernel` sees of the hardware, and host-side synchronization.
# `@device` items exist only inside kernels; `@host` ones only outside.

# Three coordinates of a thread or block index, or of a dimension.
struct Dim3:
    x: i64
    y: i64
    z: i64

# The index of this thread within its block, of this block within the grid, and their sizes.
# (Constants of this module are device-only.)
extern const thread_idx: Dim3
extern const block_idx: Dim3
extern const block_dim: Dim3
extern const grid_dim: Dim3

# Waits until every thread of the block reaches this point.
@device
extern fn barrier()

# Block-shared scratch memory of `size` elements.
@device
extern fn shared_array[T: Numeric](size: i64) -> Tensor[T]

# Adds `value` to `t[index]` atomically and returns the previous value.
@device
extern fn atomic_add[T: Numeric](t: Tensor[T], index: i64, value: T) -> T

# Waits until every kernel launched so far has finished.
@host
extern fn synchronize()

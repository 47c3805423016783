# The `tensor` module: creating tensors on the host.
# Each function is generic over the element type, given explicitly (`zeros[f64]([3])`) or
# inferred from the expected type. `@host`: tensors cannot be created inside a `@kernel`.

@host
extern fn zeros[T: Numeric](shape: List[i64]) -> Tensor[T]

@host
extern fn ones[T: Numeric](shape: List[i64]) -> Tensor[T]

@host
extern fn full[T: Numeric](shape: List[i64], value: T) -> Tensor[T]

# `arange(n)`: the values 0, 1, ..., n - 1, as a 1-d tensor.
@host
extern fn arange[T: Numeric](stop: T) -> Tensor[T]

# Uniform in [0, 1), reproducible for a given seed.
@host
extern fn rand[T: Float](shape: List[i64], seed: i64 = 0) -> Tensor[T]

# Standard normal, reproducible for a given seed.
@host
extern fn randn[T: Float](shape: List[i64], seed: i64 = 0) -> Tensor[T]

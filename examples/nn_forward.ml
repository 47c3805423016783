# The forward pass of a small multilayer perceptron, 64 -> 128 -> 10, on a batch of random
# inputs: matrix products, a bias added by broadcasting, ReLU, and a softmax per row.
#
# Shows: the tensor module (rand with a seed, zeros), `@`, elementwise arithmetic with
# scalars and broadcasting ([B, H] + [H]), element reads and writes t[i, j], reductions,
# math.exp on f32, generic max, f-strings on f32.
# The numbers depend on the runtime's random generator (reproducible for fixed seeds).
#
#   mlc run examples/nn_forward.ml
#   mlc build examples/nn_forward.ml -o nn_forward && ./nn_forward
import math
from tensor import rand, zeros

const BATCH: i64 = 8
const INPUTS: i64 = 64
const HIDDEN: i64 = 128
const CLASSES: i64 = 10

# Weights drawn uniformly from [-1/sqrt(fan_in), 1/sqrt(fan_in)).
fn init_weights(fan_in: i64, fan_out: i64, seed: i64) -> Tensor[f32]:
    let bound = 1.0 / math.sqrt(f32(fan_in))
    return rand[f32]([fan_in, fan_out], seed=seed) * (2.0 * bound) - bound

fn init_bias(size: i64, seed: i64) -> Tensor[f32]:
    return rand[f32]([size], seed=seed) * 0.2 - 0.1

# ReLU in place: there is no elementwise max with a scalar, so visit the elements.
fn relu(t: Tensor[f32]):
    for i in range(t.size(0)):
        for j in range(t.size(1)):
            if t[i, j] < 0.0:
                t[i, j] = 0.0

# Softmax of each row, shifted by the row's maximum so exp cannot overflow.
fn softmax_rows(logits: Tensor[f32]) -> Tensor[f32]:
    let rows = logits.size(0)
    let cols = logits.size(1)
    let probs = zeros[f32]([rows, cols])
    for i in range(rows):
        var biggest = logits[i, 0]
        for j in range(1, cols):
            biggest = max(biggest, logits[i, j])
        var total: f32 = 0.0
        for j in range(cols):
            let e = math.exp(logits[i, j] - biggest)
            probs[i, j] = e
            total += e
        for j in range(cols):
            probs[i, j] = probs[i, j] / total
    return probs

fn argmax_row(t: Tensor[f32], i: i64) -> i64:
    var best = 0
    for j in range(1, t.size(1)):
        if t[i, j] > t[i, best]:
            best = j
    return best

fn count_zeros(t: Tensor[f32]) -> i64:
    var zeros_seen = 0
    for i in range(t.size(0)):
        for j in range(t.size(1)):
            if t[i, j] == 0.0:
                zeros_seen += 1
    return zeros_seen

fn main():
    let x = rand[f32]([BATCH, INPUTS], seed=42) * 2.0 - 1.0     # inputs in [-1, 1)
    let w1 = init_weights(INPUTS, HIDDEN, 1)
    let b1 = init_bias(HIDDEN, 2)
    let w2 = init_weights(HIDDEN, CLASSES, 3)
    let b2 = init_bias(CLASSES, 4)

    let hidden = x @ w1 + b1            # [BATCH, HIDDEN] + [HIDDEN]: the bias broadcasts
    relu(hidden)
    let logits = hidden @ w2 + b2
    let probs = softmax_rows(logits)

    print("input", x.shape, "hidden", hidden.shape, "logits", logits.shape)
    print("parameters:", w1.numel() + b1.numel() + w2.numel() + b2.numel())
    let inactive = count_zeros(hidden)
    print(f"hidden: mean {hidden.mean():.4f}, max {hidden.max():.4f}, inactive {inactive}/{hidden.numel()}")
    print(f"logits: min {logits.min():.4f}, max {logits.max():.4f}")
    for i in range(BATCH):
        let k = argmax_row(probs, i)
        var row_total: f32 = 0.0
        for j in range(CLASSES):
            row_total += probs[i, j]
        print(f"sample {i}: class {k} p={probs[i, k]:.4f} (row sums to {row_total:.4f})")
    print(f"probabilities sum to {probs.sum():.3f} over {BATCH} samples")

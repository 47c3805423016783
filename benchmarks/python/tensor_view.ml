# Microseconds per zero-copy view `Tensor[T](o)` of a 1 KiB and a 1 GiB object: a torch
# tensor (DLPack) and a numpy array (buffer protocol). Prints the four figures. Run by
# run.py.
from python import torch
from python import numpy as np
import time

const VIEWS: i64 = 20_000

fn torch_view_us(t: PyObject) -> f64:
    let start = time.perf_counter()
    for i in range(VIEWS):
        let view = Tensor[f32](t)
    return (time.perf_counter() - start) * 1e6 / f64(VIEWS)

fn numpy_view_us(a: PyObject) -> f64:
    let start = time.perf_counter()
    for i in range(VIEWS):
        let view = Tensor[f32](a)
    return (time.perf_counter() - start) * 1e6 / f64(VIEWS)

fn main():
    # 256 and 268,435,456 f32 elements: 1 KiB and 1 GiB (allocated, never touched).
    let small = torch.empty(256)
    let large = torch.empty(268_435_456)
    torch_view_us(small)
    let torch_small = torch_view_us(small)
    let torch_large = torch_view_us(large)
    let small_array = np.empty(256, dtype=np.float32)
    let large_array = np.empty(268_435_456, dtype=np.float32)
    numpy_view_us(small_array)
    let numpy_small = numpy_view_us(small_array)
    let numpy_large = numpy_view_us(large_array)
    print(f"{torch_small:.3f} {torch_large:.3f} {numpy_small:.3f} {numpy_large:.3f}")

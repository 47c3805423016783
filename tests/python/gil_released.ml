# Covers: the GIL is released around long native work (time.sleep, matrix products): a Python thread runs meanwhile
# Exit: 0
from python import interop_helpers as h
import time
from tensor import ones

fn main():
    let ticker = h.Ticker()
    let before = i64(ticker.ticks)
    time.sleep(0.2)
    let after_sleep = i64(ticker.ticks)
    let a = ones[f32]([256, 256])
    var product = a @ a
    for i in range(20):
        product = a @ a
    let after_matmul = i64(ticker.ticks)
    ticker.stop()
    print(after_sleep - before > 1000, after_matmul > after_sleep, product[0, 0])

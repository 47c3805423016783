# The `time` module: clocks and sleeping, in seconds.

# A monotonic clock with the best available resolution, for measuring durations.
@host
extern fn perf_counter() -> f64

# Seconds since the Unix epoch.
@host
extern fn time() -> f64

@host
extern fn sleep(seconds: f64)

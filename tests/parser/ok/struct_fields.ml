struct Point:
    x: f64
    y: f64

struct Config:
    size: i64 = 16
    name: str = "default"
    ratio: f64

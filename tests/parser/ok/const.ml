const N: i64 = 1024
const M = 7
const SCALE: f64 = 1.5 * 2.0
const NAME: str = "mlc"
const MASK: i64 = (1 << 20) - 1

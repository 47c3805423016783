//! Python's slice arithmetic (`PySlice_AdjustIndices`), shared by `str`, `List` and
//! `Tensor` slicing.

/// The positions a slice selects in a sequence of `length` items: the first one, the
/// step between them and how many there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceRange {
    pub start: i64,
    pub step: i64,
    pub count: i64,
}

impl SliceRange {
    /// The positions in order.
    pub fn positions(self) -> impl Iterator<Item = i64> {
        (0..self.count).map(move |k| self.start + k * self.step)
    }
}

/// Resolves `start:stop:step` (each `None` when not written) against `length`, clamping
/// like Python. `Err` for a zero step.
pub fn resolve(
    length: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<SliceRange, &'static str> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err("slice step cannot be zero");
    }
    // Python clamps the step so that negating it cannot overflow.
    let step = step.max(-i64::MAX);
    let clamp = |value: Option<i64>, default_forward: i64, default_backward: i64| match value {
        None => {
            if step < 0 {
                default_backward
            } else {
                default_forward
            }
        }
        Some(mut value) => {
            if value < 0 {
                value = value.saturating_add(length);
                if value < 0 {
                    value = if step < 0 { -1 } else { 0 };
                }
            } else if value >= length {
                value = if step < 0 { length - 1 } else { length };
            }
            value
        }
    };
    let start = clamp(start, 0, length - 1);
    let stop = clamp(stop, length, -1);
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceRange { start, step, count })
}

/// Decodes the ABI form of a slice: the three values and the `present` bits (bit 0 start,
/// bit 1 stop, bit 2 step).
pub fn from_abi(start: i64, stop: i64, step: i64, present: i32) -> [Option<i64>; 3] {
    let pick = |bit: i32, value: i64| (present & (1 << bit) != 0).then_some(value);
    [pick(0, start), pick(1, stop), pick(2, step)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(length: i64, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<i64> {
        resolve(length, start, stop, step).unwrap().positions().collect()
    }

    #[test]
    fn matches_python() {
        // list(range(5))[a:b:c] in Python.
        assert_eq!(items(5, Some(1), Some(4), None), vec![1, 2, 3]);
        assert_eq!(items(5, None, None, Some(-1)), vec![4, 3, 2, 1, 0]);
        assert_eq!(items(5, Some(-2), None, None), vec![3, 4]);
        assert_eq!(items(5, Some(10), None, None), Vec::<i64>::new());
        assert_eq!(items(5, None, Some(-10), None), Vec::<i64>::new());
        assert_eq!(items(5, Some(4), Some(0), Some(-2)), vec![4, 2]);
        assert_eq!(items(5, None, None, Some(2)), vec![0, 2, 4]);
        assert_eq!(items(5, Some(-100), Some(100), Some(3)), vec![0, 3]);
        assert_eq!(items(5, Some(100), Some(-100), Some(-3)), vec![4, 1]);
        assert_eq!(items(0, None, None, Some(-1)), Vec::<i64>::new());
        assert_eq!(items(5, None, None, Some(i64::MIN)), vec![4]);
        assert!(resolve(5, None, None, Some(0)).is_err());
    }

    #[test]
    fn present_bits() {
        assert_eq!(from_abi(1, 2, 3, 0b101), [Some(1), None, Some(3)]);
        assert_eq!(from_abi(1, 2, 3, 0), [None, None, None]);
    }
}

//! Re-splitting a file into chunks after an edit, touching only the chunks the edit reaches.
//!
//! The edited byte range is what the old and the new text do not share as a common prefix
//! and suffix. The split is redone from the start of the chunk before the one the edit
//! begins in (an edit on a chunk's first line can merge it into the chunk before), and stops
//! at the first chunk start after the edit that is also an old chunk start: from a chunk
//! start on, [`ChunkScanner`] finds the same starts as a whole-text scan, so the rest of the
//! old split still holds, shifted by the change in length. The result is exactly what
//! [`chunk_starts`](crate::source_chunks::chunk_starts) gives for the new text (a property
//! the tests check after random edits).

use crate::source_chunks::ChunkScanner;

/// Which old chunks an edit replaced, and the chunks that replace them.
#[derive(Debug, PartialEq, Eq)]
pub struct Resplit {
    /// The replaced old chunks are `first..old_end` (indices into the old chunk list).
    pub first: usize,
    pub old_end: usize,
    /// Where each new chunk of the region starts in the new text, in order.
    pub new_starts: Vec<usize>,
    /// Where the region ends in the new text (the next unchanged chunk's start, or the end).
    pub new_end: usize,
    /// New length minus old length: how far the chunks after the region moved.
    pub delta: i64,
}

/// The chunks of `new` that differ from the split of `old`, whose chunks started at
/// `old_starts` (as `chunk_starts` gives them, without the final length). `None` if the
/// texts are equal.
pub fn resplit(old: &str, old_starts: &[u32], new: &str) -> Option<Resplit> {
    let prefix = common_prefix(old.as_bytes(), new.as_bytes());
    if prefix == old.len() && prefix == new.len() {
        return None;
    }
    let room = old.len().min(new.len()) - prefix;
    let suffix = common_suffix(&old.as_bytes()[prefix..], &new.as_bytes()[prefix..]).min(room);
    let edit_end = new.len() - suffix;
    let delta = new.len() as i64 - old.len() as i64;

    // The chunk the edit starts in, and one before it.
    let containing =
        old_starts.partition_point(|&start| start as usize <= prefix).saturating_sub(1);
    let first = containing.saturating_sub(1);
    let region_start = old_starts.get(first).map_or(0, |&start| start as usize);

    let mut new_starts = vec![region_start];
    let mut sync = None;
    for start in ChunkScanner::new(new, region_start) {
        if start >= edit_end {
            let old_start = (start as i64 - delta) as u32;
            if let Ok(index) = old_starts[first..].binary_search(&old_start) {
                sync = Some((first + index, start));
                break;
            }
        }
        new_starts.push(start);
    }
    let (old_end, new_end) = sync.unwrap_or((old_starts.len(), new.len()));
    if new.is_empty() {
        new_starts.clear();
    }
    Some(Resplit { first, old_end, new_starts, new_end, delta })
}

/// The length of the longest common prefix, compared a block at a time (memcmp).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let length = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= length && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    while at < length && a[at] == b[at] {
        at += 1;
    }
    at
}

/// The length of the longest common suffix.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let length = a.len().min(b.len());
    let (a_end, b_end) = (a.len(), b.len());
    let mut matched = 0;
    while matched + BLOCK <= length
        && a[a_end - matched - BLOCK..a_end - matched]
            == b[b_end - matched - BLOCK..b_end - matched]
    {
        matched += BLOCK;
    }
    while matched < length && a[a_end - matched - 1] == b[b_end - matched - 1] {
        matched += 1;
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::resplit;
    use crate::source_chunks::chunk_starts;

    /// Applies the re-split to the old starts and compares with a fresh split.
    fn check(old: &str, new: &str) {
        let old_starts: Vec<u32> = chunk_starts(old)
            .iter()
            .map(|&start| start as u32)
            .take_while(|&start| (start as usize) < old.len())
            .collect();
        let expected: Vec<usize> =
            chunk_starts(new).into_iter().take_while(|&start| start < new.len()).collect();
        let Some(plan) = resplit(old, &old_starts, new) else {
            assert_eq!(old, new);
            return;
        };
        let mut starts: Vec<usize> =
            old_starts[..plan.first].iter().map(|&start| start as usize).collect();
        starts.extend(&plan.new_starts);
        starts.extend(
            old_starts[plan.old_end..].iter().map(|&start| (start as i64 + plan.delta) as usize),
        );
        assert_eq!(starts, expected, "{old:?} -> {new:?}: {plan:?}");
    }

    const TEXT: &str = "import math\n\nfn a():\n    pass\n\n# about b\n@kernel\n\
        fn b(x: i64):\n    print(x)\n\nstruct S:\n    x: f64\n\nfn main():\n    a()\n";

    #[test]
    fn body_edit_replaces_one_region() {
        let new = TEXT.replace("print(x)", "print(x + 1)");
        check(TEXT, &new);
        let old_starts: Vec<u32> =
            chunk_starts(TEXT)[..5].iter().map(|&start| start as u32).collect();
        let plan = resplit(TEXT, &old_starts, &new).unwrap();
        // From the chunk before `fn b` (`fn a`) up to `struct S`.
        assert_eq!((plan.first, plan.old_end, plan.delta), (1, 3, 4));
    }

    #[test]
    fn edits_that_merge_and_split_chunks() {
        for (from, to) in [
            ("fn b(x: i64):\n", "fn b(x: i64):\nfn inserted():\n    pass\n"),
            ("\nfn main", "\n    fn main"),
            ("fn b(x: i64):", "fn b(x: i64"),
            ("struct S", "# struct S"),
            ("@kernel\n", ""),
            ("fn a", "@inline\nfn a"),
            ("# about b", "# about (b"),
            ("x: f64", "x: f64 = ("),
            ("a()\n", "a(\n"),
            ("print(x)", "print(\"(x)"),
            ("import math\n", ""),
            ("    a()\n", "    a()\nfn last():\n    pass"),
            ("fn main():\n    a()\n", ""),
        ] {
            assert!(TEXT.contains(from), "{from:?}");
            check(TEXT, &TEXT.replacen(from, to, 1));
            check(&TEXT.replacen(from, to, 1), TEXT);
        }
        check("", TEXT);
        check(TEXT, "");
        check(TEXT, TEXT);
    }
}

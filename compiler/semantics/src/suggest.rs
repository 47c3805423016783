//! "Did you mean": the closest known name to a misspelled one, by edit distance.

/// The candidate closest to `name`, if it is close enough to be a plausible typo (at most a
/// third of the name's length away, and at least one edit allowed).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name || candidate.is_empty() {
            continue;
        }
        let distance = edit_distance(name, candidate);
        let case_only = candidate.eq_ignore_ascii_case(name);
        let distance = if case_only { 0 } else { distance };
        if distance <= limit
            && best.is_none_or(|(best_distance, best_name)| {
                (distance, candidate) < (best_distance, best_name)
            })
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The closest candidate by edit distance, or else the longest candidate that `name` spells
/// out in full (`squareroot` for `sqrt`: same first letter, every letter of the candidate in
/// order, at least three of them).
pub fn closest_or_abbreviated<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    closest(name, candidates.clone()).or_else(|| {
        candidates
            .into_iter()
            .filter(|candidate| {
                candidate.chars().count() >= 3
                    && candidate.chars().next() == name.chars().next()
                    && is_subsequence(candidate, name)
            })
            .max_by_key(|candidate| (candidate.len(), std::cmp::Reverse(*candidate)))
    })
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars();
    short.chars().all(|c| long.any(|l| l == c))
}

/// Edit distance over chars where swapping two neighbours is one edit (optimal string
/// alignment), so `totla` is one edit from `total`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    table[a.len() * width + b.len()]
}

/// A list like "`a`, `b`, `c`" of at most `limit` names, with ", ..." when cut.
pub fn list_names<'a>(names: impl IntoIterator<Item = &'a str>, limit: usize) -> String {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    let cut = names.len() > limit;
    let mut listed: Vec<String> =
        names.iter().take(limit).map(|name| format!("`{name}`")).collect();
    if cut {
        listed.push("...".to_string());
    }
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::{closest, closest_or_abbreviated, edit_distance};

    #[test]
    fn distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(closest("totl", ["total", "x", "tot"]), Some("tot"));
        assert_eq!(closest("lenght", ["length", "len"]), Some("length"));
        assert_eq!(closest("abc", ["xyz"]), None);
        assert_eq!(edit_distance("totla", "total"), 1);
        assert_eq!(closest_or_abbreviated("squareroot", ["sqrt", "e", "sin"]), Some("sqrt"));
        assert_eq!(closest_or_abbreviated("cosine", ["cos", "cosh"]), Some("cos"));
    }
}

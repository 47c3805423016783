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
        if distance <= limit && best.is_none_or(|(best_distance, best_name)| (distance, candidate) < (best_distance, best_name)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, a_char) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// A list like "`a`, `b`, `c`" of at most `limit` names, with ", ..." when cut.
pub fn list_names<'a>(names: impl IntoIterator<Item = &'a str>, limit: usize) -> String {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    let cut = names.len() > limit;
    let mut listed: Vec<String> = names.iter().take(limit).map(|name| format!("`{name}`")).collect();
    if cut {
        listed.push("...".to_string());
    }
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::{closest, edit_distance};

    #[test]
    fn distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(closest("totl", ["total", "x", "tot"]), Some("tot"));
        assert_eq!(closest("lenght", ["length", "len"]), Some("length"));
        assert_eq!(closest("abc", ["xyz"]), None);
    }
}

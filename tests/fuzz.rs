//! Fuzzing the front end: random token soups and mutations of valid programs go through the
//! lexer, the parser and the checker, which must never panic or hang, and whose spans must
//! stay inside the text. Every mutated program
//! is also checked twice, once incrementally (an edit of a warm database) and once from
//! scratch, and both must report the same diagnostics: incrementality may never change an
//! answer.
//!
//! The warm database also takes each case as a small edit (from the unmutated program to
//! its mutation), after which its chunks must be exactly what a fresh split of the text
//! gives: re-splitting only the region an edit reaches may never drift.
//!
//! The normal test run does a fixed, seeded number of cases (a few seconds). For a long run:
//! `MLC_FUZZ_SECONDS=600 cargo test --release -p mlc-tests --test fuzz -- --nocapture`;
//! `MLC_FUZZ_SEED` picks another seed. A failing input is written to
//! `target/fuzz-failures/` and its path printed.

use mlc_semantics::source_chunks::{chunk_starts, ChunkItems, ChunkParse};
use mlc_semantics::{check_file, CheckMode, Database, SourceFile};
use mlc_tests::fuzz::{corpus, Mutator};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A case that takes longer than this is reported as a hang. Generous: a debug build on a
/// loaded 2-core machine checks a corpus file in milliseconds.
const HANG_LIMIT: Duration = Duration::from_secs(20);

#[test]
fn front_end_survives_mutated_programs() {
    let seed =
        std::env::var("MLC_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_u64);
    let budget = std::env::var("MLC_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let default_cases = 400;
    let corpus = corpus();
    assert!(corpus.len() >= 4, "the fuzz corpus (examples/, tests/parser/ok, tests/ui) is missing");

    let (sender, receiver) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || run_cases(seed, budget, default_cases, corpus, sender))
        .unwrap();
    let mut last_input = String::new();
    let mut cases = 0usize;
    loop {
        match receiver.recv_timeout(HANG_LIMIT) {
            Ok(Progress::Starting(input)) => last_input = input,
            Ok(Progress::Finished) => cases += 1,
            Ok(Progress::Failed(input, message)) => fail(&input, &message),
            Ok(Progress::Done) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                fail(&last_input, "hang: no answer within the limit")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    worker.join().unwrap();
    println!("fuzz: {cases} cases, seed {seed:#x}, no panic, no hang, incremental == from scratch");
}

enum Progress {
    Starting(String),
    Finished,
    Failed(String, String),
    Done,
}

fn run_cases(
    seed: u64,
    budget: Option<Duration>,
    default_cases: usize,
    corpus: Vec<String>,
    progress: mpsc::Sender<Progress>,
) {
    panic::set_hook(Box::new(|_| {}));
    let mut mutator = Mutator::new(seed);
    let started = Instant::now();
    let mut warm = Database::new();
    let warm_file = warm.add_file("fuzz.ml", "");
    let mut case = 0usize;
    while match budget {
        Some(budget) => started.elapsed() < budget,
        None => case < default_cases,
    } {
        let input = if case % 5 == 4 {
            mutator.token_soup()
        } else {
            mutator.mutate(&corpus[case % corpus.len()])
        };
        progress.send(Progress::Starting(input.clone())).unwrap();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            check_syntax_spans(&input)?;
            if case % 5 != 4 {
                warm.set_file_text(warm_file, &corpus[case % corpus.len()]);
                check_file(&warm, warm_file, CheckMode::Program);
            }
            warm.set_file_text(warm_file, &input);
            chunks_match_a_fresh_split(&warm, warm_file, &input)?;
            let incremental = check_file(&warm, warm_file, CheckMode::Program);
            let mut fresh = Database::new();
            let file = fresh.add_file("fuzz.ml", &input);
            let from_scratch = check_file(&fresh, file, CheckMode::Program);
            if incremental != from_scratch {
                return Err(format!(
                    "incremental check differs from a check from scratch:\nincremental: {incremental:#?}\nfrom scratch: {from_scratch:#?}"
                ));
            }
            Ok(())
        }));
        match outcome {
            Ok(Ok(())) => progress.send(Progress::Finished).unwrap(),
            Ok(Err(message)) => {
                progress.send(Progress::Failed(input, message)).unwrap();
                return;
            }
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "a panic".to_string());
                progress.send(Progress::Failed(input, format!("panic: {message}"))).unwrap();
                return;
            }
        }
        case += 1;
    }
    let _ = panic::take_hook();
    progress.send(Progress::Done).unwrap();
}

/// The chunks of `file` (texts, offsets, recorded declarations) are those of a fresh split.
fn chunks_match_a_fresh_split(db: &Database, file: SourceFile, text: &str) -> Result<(), String> {
    let starts = chunk_starts(text);
    let expected: Vec<&str> = starts.windows(2).map(|bounds| &text[bounds[0]..bounds[1]]).collect();
    let chunks: Vec<&str> = file.chunks(db).iter().map(|chunk| chunk.text(db).as_str()).collect();
    if chunks != expected {
        return Err(format!("the chunks after an edit differ from a fresh split:\nchunks: {chunks:#?}\nfresh split: {expected:#?}"));
    }
    let offsets: Vec<usize> =
        file.chunk_offsets(db).iter().map(|&offset| offset as usize).collect();
    if offsets != starts[..starts.len() - 1] {
        return Err(format!(
            "chunk offsets {offsets:?}, but a fresh split starts chunks at {starts:?}"
        ));
    }
    for chunk in file.chunks(db) {
        if let Some(items) = chunk.items(db) {
            if **items != ChunkItems::of(&ChunkParse::of(chunk.text(db))) {
                return Err(format!(
                    "the recorded declarations of {:?} are not those of its text",
                    chunk.text(db)
                ));
            }
        }
    }
    Ok(())
}

/// Tokens, tree and syntax errors only point inside the text, and the tree dumps.
fn check_syntax_spans(input: &str) -> Result<(), String> {
    use mlc_syntax::MapSpans;
    let length = input.len() as u32;
    let inside = |span: mlc_diagnostics::Span| span.start <= span.end && span.end <= length;
    let (tokens, _) = mlc_syntax::tokenize(input);
    if let Some(token) = tokens.iter().find(|token| !inside(token.span)) {
        return Err(format!("token span {:?} outside the text", token.span));
    }
    let parse = mlc_syntax::parse(input);
    if let Some(error) = parse.errors.iter().find(|error| !inside(error.primary.span)) {
        return Err(format!("syntax error span {:?} outside the text", error.primary.span));
    }
    let mut outside = None;
    parse.module.clone().map_spans(&mut |span| {
        if !inside(span) {
            outside.get_or_insert(span);
        }
        span
    });
    if let Some(span) = outside {
        return Err(format!("tree span {span:?} outside the text"));
    }
    let _ = mlc_syntax::dump(&parse.module);
    Ok(())
}

fn fail(input: &str, message: &str) -> ! {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/fuzz-failures");
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join(format!("{:016x}.ml", mlc_tests::fuzz::hash(input)));
    let _ = std::fs::write(&path, input);
    panic!("fuzz failure ({message}); input saved to {}:\n{input}", path.display());
}

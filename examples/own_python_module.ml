# Calling your own Python code: `helpers/` is a package in the folder of this file, which
# is on Python's path, so it imports like any module.
from python import helpers.text_stats as stats

fn main():
    let text = "The cat sat. The cat ran! Did the dog see the cat?"
    for pair in stats.top_words(text, n=2):
        print(pair[0], i64(pair[1]))
    let summary = stats.Summary(text)
    print(i64(summary.words), "words in", i64(summary.sentences), "sentences")
    print(f"{f64(summary.words_per_sentence()):.2f} words per sentence")

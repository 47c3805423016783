"""Text statistics in plain Python, called from examples/own_python_module.ml."""

import re
from collections import Counter


def words(text):
    return re.findall(r"[a-z']+", text.lower())


def top_words(text, n=3):
    return Counter(words(text)).most_common(n)


class Summary:
    def __init__(self, text):
        self.words = len(words(text))
        self.sentences = len([s for s in re.split(r"[.!?]+", text) if s.strip()])

    def words_per_sentence(self):
        return self.words / self.sentences

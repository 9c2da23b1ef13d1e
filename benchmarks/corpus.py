"""Deterministic synthetic corpora: seed sentences with word-level noise, written as documents."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from tipcli.text import split_sentences

PASSAGES_PER_DOCUMENT = 500
_WORD = re.compile(r"\S+")


def seed_sentences(seeds: Path) -> list[str]:
    """The seed documents' sentences (one line each), at least 40 characters long."""
    found: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            for span in split_sentences(paragraph, 0, len(paragraph)):
                sentence = " ".join(span.text.split())
                if len(sentence) >= 40 and sentence[-1] in ".!?\"”’)":
                    found.append(sentence)
    return sorted(set(found))


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: two letters swapped, one dropped or one replaced."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swap two letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:  # drop one
        return word[:i] + word[i + 1:]
    return word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i + 1:]


def noisy(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    """The sentence with words replaced, dropped, repeated or swapped (word-level noise).

    Noise keeps the first word (a capital) and the last (its full stop), so the
    result still splits into the same one sentence.
    """
    tokens = _WORD.findall(sentence)
    if len(tokens) < 4:
        return sentence
    middle = tokens[1:-1]
    out: list[str] = []
    for token in middle:
        roll = rng.random()
        if roll < 0.08:
            out.append(rng.choice(vocabulary))
        elif roll < 0.12:
            continue
        elif roll < 0.15:
            out.extend((token, token))
        elif roll < 0.18 and out:
            out.insert(len(out) - 1, token)
        else:
            out.append(token)
    return " ".join([tokens[0], *out, tokens[-1]])


def passages(sentences: list[str], count: int, seed: int = 2026) -> Iterator[str]:
    rng = random.Random(seed)
    vocabulary = sorted({w.lower().strip(".,\"“”’'()") for s in sentences for w in s.split()
                         if w.isalpha() and len(w) > 2})
    for _ in range(count):
        yield noisy(rng.choice(sentences), vocabulary, rng)


def write_corpus(seeds: Path, target: Path, count: int, seed: int = 2026) -> int:
    """Write count passages as documents of PASSAGES_PER_DOCUMENT; return the file count.

    Each passage is its own paragraph, so the store indexes exactly one passage
    per generated sentence.
    """
    target.mkdir(parents=True, exist_ok=True)
    files = 0
    batch: list[str] = []

    def flush() -> None:
        nonlocal files, batch
        if batch:
            files += 1
            body = f"Synthetic document {files}\n\n" + "\n\n".join(batch) + "\n"
            (target / f"synthetic-{files:06d}.txt").write_text(body, encoding="utf-8")
            batch = []

    for text in passages(seed_sentences(seeds), count, seed):
        batch.append(text)
        if len(batch) == PASSAGES_PER_DOCUMENT:
            flush()
    flush()
    return files

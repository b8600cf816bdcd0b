"""Near-duplicate detection with MinHash LSH (datasketch): syndicated wire copies, reposts.

A document's signature is a 128-permutation MinHash over its word 5-shingles (lower-cased,
punctuation dropped), so a copy with a changed dateline, headline or closing line still matches.
Two documents whose estimated Jaccard similarity is at least `THRESHOLD` (0.8) are
near-duplicates; the later one is linked to the earlier (the original), never the reverse.
Signatures are stored with the document so detection works across runs.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from observatory.ingest.ids import normalise

NUM_PERM = 128
SEED = 1
SHINGLE = 5
THRESHOLD = 0.8
# The LSH bands are tuned for a lower similarity than THRESHOLD so that true copies (0.8 and up)
# are candidates with probability ~1 (at 0.8 the banding of a 0.8-tuned index misses about one in
# four); every candidate is then checked against THRESHOLD with the signatures themselves.
CANDIDATE_THRESHOLD = 0.5
# Fixed explicitly: stored hash values are only comparable under the same hashing scheme.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(normalise(text).lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    return LeanMinHash(minhash)


def signature_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes, seed: int = SEED) -> LeanMinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return LeanMinHash(seed=seed, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """Originals' signatures in an LSH index; `find` names the original a new text copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_id: str, sig: LeanMinHash) -> None:
        if doc_id not in self._signatures:
            self._lsh.insert(doc_id, sig)
            self._signatures[doc_id] = sig
            self._order[doc_id] = len(self._order)

    def remove(self, doc_id: str) -> None:
        if self._signatures.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def find(self, sig: LeanMinHash) -> tuple[str, float] | None:
        """(original id, estimated similarity) of the closest earlier document, or None."""
        best: tuple[str, float] | None = None
        for candidate in sorted(self._lsh.query(sig), key=self._order.__getitem__):
            similarity = float(sig.jaccard(self._signatures[candidate]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (candidate, similarity)
        return best

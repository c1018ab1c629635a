"""Character n-gram shingles and MinHash signatures, vectorised over many articles at once.

Chinese has no spaces, so the shingles are overlapping character n-grams of the normalised text (n chosen
by measurement, see ``benchmarks/results/dedup_eval.md``).

The signatures are datasketch's own MinHash, scheme ``affine32`` (datasketch ≥ 2.0): the shingle hash is
pre-mixed with the 32-bit MurmurHash3 finaliser and permuted with ``a·h + b mod 2³²`` using the
permutation parameters that ``datasketch.MinHash(num_perm, seed)`` draws. ``MinHash.update_batch``
does this one article at a time and hashes every shingle with SHA-1 in a Python loop (about 1 ms per
1,200-character article); here the n-gram hashes of a whole batch come from one polynomial rolling hash
in numpy and the permutations are applied as one ``(num_perm × shingles)`` matrix operation per
cache-sized chunk, followed by ``np.minimum.reduceat`` per article. The result is bit-identical to
``datasketch.MinHash(num_perm, seed, hashfunc=shingle_hash32).update_batch(shingles)`` (a unit test
checks it), so datasketch's LSH, ``LeanMinHash`` and ``jaccard`` accept these signatures as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash

__all__ = [
    "EMPTY",
    "MinHasher",
    "ShingleBatch",
    "shingle_batch",
    "shingle_hash32",
    "shingle_set",
    "sorted_unique",
    "shingles",
    "signature_from_bytes",
    "signature_to_bytes",
]

SCHEME = "affine32"
#: The value of every slot of an empty set's signature (datasketch's ``affine32`` sentinel).
EMPTY = np.uint32(0xFFFFFFFF)
_MASK32 = (1 << 32) - 1
# Polynomial base of the rolling n-gram hash: an odd 32-bit constant (the golden ratio's bits).
# 32 bits suffice: the hash only has to tell apart the few million distinct n-grams of a corpus, and
# uint32 arithmetic halves the memory traffic of the vectorised path.
_BASE = 0x9E3779B1
_FM32 = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))
# Texts per block in ``sign_texts``: keeps every temporary array small enough to be reused by the
# allocator instead of being faulted in afresh (measured 2–3× faster than one batch of 5,000 texts).
_BLOCK_TEXTS = 256
# About this many shingle columns per permutation chunk keeps the (num_perm × columns) uint32 matrix
# within the CPU cache (128 × 8192 × 4 B = 4 MB); measured 4× faster than 64k-column chunks.
_CHUNK_COLUMNS = 8192


def shingles(norm: str, n: int) -> list[str]:
    """The character n-grams of ``norm``; a text shorter than ``n`` is one shingle (none when empty)."""
    if not norm:
        return []
    if len(norm) < n:
        return [norm]
    return [norm[i : i + n] for i in range(len(norm) - n + 1)]


def shingle_hash32(shingle: str) -> int:
    """Reference (pure Python) 32-bit hash of one shingle; the vectorised path must agree with it.

    Polynomial hash of the code points mod 2³², then MurmurHash3's 32-bit finaliser. Also usable as
    datasketch's ``hashfunc`` (it accepts ``str``).
    """
    h = 0
    for ch in shingle:
        h = (h * _BASE + ord(ch)) & _MASK32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK32
    return h ^ (h >> 16)


@dataclass(frozen=True)
class ShingleBatch:
    """Shingle hashes of many texts, concatenated: text ``i`` owns ``hashes[starts[i]:starts[i+1]]``."""

    hashes: np.ndarray  # uint32, not de-duplicated
    starts: np.ndarray  # int64, len(texts) + 1

    def of(self, i: int) -> np.ndarray:
        return self.hashes[self.starts[i] : self.starts[i + 1]]

    def sizes(self) -> np.ndarray:
        return np.diff(self.starts)


def shingle_batch(norms: Sequence[str], n: int) -> ShingleBatch:
    """Hash the n-grams of every text in one pass of numpy operations.

    All texts are concatenated as UTF-32 code points; the rolling hash is computed at every position and
    the windows that would cross from one text into the next are dropped.
    """
    lengths = np.fromiter((len(t) for t in norms), dtype=np.int64, count=len(norms))
    counts = np.where(lengths >= n, lengths - n + 1, np.minimum(lengths, 1))
    starts = np.zeros(len(norms) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    total = int(lengths.sum())
    if total == 0:
        return ShingleBatch(np.empty(0, dtype=np.uint32), starts)
    cps = np.frombuffer("".join(norms).encode("utf-32-le"), dtype=np.uint32)
    windows = total - n + 1
    out = np.empty(int(starts[-1]), dtype=np.uint32)
    text_starts = np.zeros(len(norms), dtype=np.int64)
    np.cumsum(lengths[:-1], out=text_starts[1:])
    long_ = lengths >= n
    if windows > 0 and long_.any():
        base = np.uint32(_BASE)
        with np.errstate(over="ignore"):
            h = cps[:windows].copy()
            for j in range(1, n):
                h *= base
                h += cps[j : j + windows]
            h = _fmix32(h)
        if long_.all():
            # every text owns its windows but the last n - 1, which would cross into the next text; a
            # boolean mask drops those (cheaper than gathering through two int64 index arrays)
            valid = np.ones(windows, dtype=bool)
            ends = text_starts + lengths
            for j in range(1, n):
                at = ends - j
                valid[at[at < windows]] = False
            out[:] = h[valid]
        else:
            # window k of long text i sits at text_starts[i] + k and goes to output slot starts[i] + k
            idx_long = np.flatnonzero(long_)
            reps = counts[idx_long]
            ramp = _ramp(reps)
            pos = np.repeat(text_starts[idx_long], reps) + ramp
            dst = np.repeat(starts[idx_long], reps) + ramp
            out[dst] = h[pos]
    for i in np.flatnonzero((lengths > 0) & ~long_):
        out[starts[i]] = shingle_hash32(norms[i])
    return ShingleBatch(out, starts)


def _ramp(reps: np.ndarray) -> np.ndarray:
    """0, 1, …, r₀-1, 0, 1, …, r₁-1, … for run lengths ``reps``."""
    total = int(reps.sum())
    ends = np.cumsum(reps)
    return np.arange(total) - np.repeat(ends - reps, reps)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, the pre-mix datasketch's affine32 scheme applies to each input."""
    h = h ^ (h >> np.uint32(16))
    h *= _FM32[0]
    h ^= h >> np.uint32(13)
    h *= _FM32[1]
    h ^= h >> np.uint32(16)
    return h


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted unique values. Sort and drop repeats by hand: ``np.unique`` (hash-based in numpy 2.x) is
    5-10× slower on these arrays."""
    if len(values) == 0:
        return values
    srt = np.sort(values)
    keep = np.empty(len(srt), dtype=bool)
    keep[0] = True
    np.not_equal(srt[1:], srt[:-1], out=keep[1:])
    return srt[keep]


def shingle_set(hashes: np.ndarray) -> np.ndarray:
    """Sorted unique shingle hashes: the set the verification step compares."""
    return sorted_unique(hashes)


@dataclass(frozen=True)
class MinHasher:
    """MinHash signatures with datasketch's ``affine32`` permutations for ``(num_perm, seed)``."""

    num_perm: int = 128
    seed: int = 1
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        a, b = MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME).permutations
        object.__setattr__(self, "_a", np.ascontiguousarray(a, dtype=np.uint32)[:, None])
        object.__setattr__(self, "_b", np.ascontiguousarray(b, dtype=np.uint32)[:, None])

    def signatures(self, batch: ShingleBatch, scratch: np.ndarray | None = None) -> np.ndarray:
        """``(texts × num_perm)`` uint32 signatures; an empty text gets the all-``EMPTY`` signature.

        ``scratch`` is a ``(num_perm × _CHUNK_COLUMNS)`` uint32 work matrix to reuse across calls: a
        fresh 4 MB matrix per chunk is, depending on the allocator's state, a fresh ``mmap`` whose pages
        are faulted in and zeroed every time (measured: signing 100,000 texts took 11 s instead of 5 s).
        """
        sizes = batch.sizes()
        n_docs = len(sizes)
        sig = np.full((n_docs, self.num_perm), EMPTY, dtype=np.uint32)
        premixed = _fmix32(batch.hashes.copy())
        nonempty = np.flatnonzero(sizes > 0)
        if scratch is None:
            scratch = self.scratch()
        i = 0
        while i < len(nonempty):
            # grow a chunk of consecutive non-empty texts up to about _CHUNK_COLUMNS shingles
            j = i + 1
            first = int(batch.starts[nonempty[i]])
            while j < len(nonempty) and batch.starts[nonempty[j] + 1] - first <= _CHUNK_COLUMNS:
                j += 1
            docs = nonempty[i:j]
            # texts with no shingles own no columns, so the chunk's columns are contiguous
            cols = premixed[first : int(batch.starts[docs[-1] + 1])]
            local = np.concatenate([[0], np.cumsum(sizes[docs])[:-1]])
            if len(cols) <= scratch.shape[1]:
                m = scratch[:, : len(cols)]
                np.multiply(self._a, cols[None, :], out=m)
            else:  # one text longer than a chunk
                m = self._a * cols[None, :]
            m += self._b
            sig[docs] = np.minimum.reduceat(m, local, axis=1).T
            i = j
        return sig

    def scratch(self) -> np.ndarray:
        """A work matrix for ``signatures``."""
        return np.empty((self.num_perm, _CHUNK_COLUMNS), dtype=np.uint32)

    def sign_texts(self, norms: Sequence[str], n: int) -> tuple[np.ndarray, np.ndarray]:
        """Signatures and shingle counts of normalised texts, in blocks of ``_BLOCK_TEXTS``."""
        sig = np.empty((len(norms), self.num_perm), dtype=np.uint32)
        sizes = np.empty(len(norms), dtype=np.int64)
        scratch = self.scratch()
        for i in range(0, len(norms), _BLOCK_TEXTS):
            batch = shingle_batch(norms[i : i + _BLOCK_TEXTS], n)
            sig[i : i + _BLOCK_TEXTS] = self.signatures(batch, scratch)
            sizes[i : i + _BLOCK_TEXTS] = batch.sizes()
        return sig, sizes

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """Signature of one shingle-hash array (convenience for tests and single queries)."""
        return self.signatures(ShingleBatch(hashes, np.array([0, len(hashes)], dtype=np.int64)))[0]

    def lean(self, sig: np.ndarray) -> LeanMinHash:
        """Wrap a signature as datasketch's ``LeanMinHash`` (what ``MinHashLSH`` indexes)."""
        return LeanMinHash(seed=self.seed, hashvalues=sig, scheme=SCHEME)


def signature_to_bytes(sig: np.ndarray) -> bytes:
    """Little-endian uint32 bytes, the form stored in Postgres (``bytea``, 4 × num_perm bytes)."""
    return np.ascontiguousarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """Inverse of ``signature_to_bytes``."""
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)

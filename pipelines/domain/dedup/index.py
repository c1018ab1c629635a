"""The incremental dedup index: signatures + LSH for candidates, verification, clusters from edges.

Why clusters are built from verified edges: an edge (two articles are copies of one story, or a
cannot-link "distinct" pair) is a pure function of the two texts, so the set of edges, and therefore the
clusters (``cluster.py`` merges them in a fixed order), depend only on the set of articles, never on the
order or the batches they arrived in. Adding a nightly partition to an index built
from stored rows gives exactly the clusters of one batch over everything; re-running a partition whose
texts did not change changes nothing.

Flow of ``DedupIndex.add``: normalise → exact hash + shingles → MinHash signatures (vectorised, see
``minhash.py``) → candidates = same exact hash ∪ LSH band collisions (datasketch's banding, numpy
storage: ``lsh.py``) with a MinHash-estimate prefilter → verification on the shingle sets (Jaccard) →
figure check (``figures.py``) → edges (and cannot-link "distinct" edges) → constrained clusters
(``cluster.py``) → canonical member.

Only the new articles are shingled and queried; an existing article's text is read (through
``text_loader``) only when it is a candidate of a new one, for the verification step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .canonical import DocMeta, pick_canonical
from .cluster import constrained_clusters
from .figures import FigureText, compare_figures, figure_text, figures_from_indicators
from .lsh import BandIndex, bucket_ids
from .minhash import EMPTY, MinHasher, shingle_batch, shingle_set, signature_from_bytes, signature_to_bytes
from .model import ArticleId, Assignment, Document, Edge, FigureConflict, SignatureRecord, id_key, iso_date
from .normalise import NORMALISER_VERSION, normalise
from .normalise import hash_normalised as _exact

__all__ = ["AddResult", "DedupIndex", "DedupParams", "TextLoader", "signature_buckets"]

#: Given article ids, return their original texts (the lead: ``SELECT id, clean_text FROM articles``).
TextLoader = Callable[[Sequence[ArticleId]], Mapping[ArticleId, str]]


@dataclass(frozen=True)
class DedupParams:
    """Every knob, with the values chosen from ``benchmarks/results/dedup_eval.md``.

    * ``shingle``: character n-gram size. 3 measured best: 2-grams make unrelated texts on one topic look
      alike, 5-grams lose recall on rewritten sentences.
    * ``num_perm``/``bands``/``rows``: 128 permutations in 32 bands of 4 rows: candidate probability
      0.99 at Jaccard 0.6, 0.87 at 0.5, 0.74 at 0.45. More bands would raise recall near the threshold at
      about 20 MB of LSH tables per band per 100,000 articles.
    * ``min_jaccard``: verification threshold on the exact shingle sets; 0.5 keeps every edit up to 30 %
      (a two-paragraph story that lost one paragraph is at about 0.5) and rejects twins that share two of
      four paragraphs; at 0.6 twins sharing three of five are rejected too, at some recall on paragraph
      cuts (see the eval's hard-negative table).
    * ``min_containment``/``min_len_ratio``: optionally also accept a pair whose shorter text is mostly
      contained in the longer one. Off (``None``): measured, it added no recall, because pairs with a low
      Jaccard are rarely LSH candidates in the first place, and it would let a round-up absorb the stories
      it quotes.
    * ``prefilter_margin``: LSH candidates whose MinHash estimate is below ``min_jaccard`` minus this are
      dropped before verification (see ``DedupIndex._candidate_pairs``).
    * ``max_corrections``/``small_share``/``identical_ratio``: the figure rule (``figures.py``).
    """

    shingle: int = 3
    num_perm: int = 128
    seed: int = 1
    bands: int = 32
    rows: int = 4
    min_jaccard: float = 0.5
    min_containment: float | None = None
    min_len_ratio: float = 0.3
    prefilter_margin: float = 0.15
    max_corrections: int = 2
    small_share: float = 0.25
    identical_ratio: float = 0.95
    check_figures: bool = True
    figure_source: str = "tokens"  # or "indicators" (pipelines.domain.indicators.extract), see figures.py

    def fingerprint(self) -> str:
        """Identifies how a stored signature was made; a change means re-signing from text."""
        return f"n{NORMALISER_VERSION}:ds-affine32:k{self.shingle}:p{self.num_perm}:s{self.seed}"

    def accepts(self, jaccard: float, containment: float, len_ratio: float) -> bool:
        """The text side of verification."""
        if jaccard >= self.min_jaccard:
            return True
        if self.min_containment is None:
            return False
        return containment >= self.min_containment and len_ratio >= self.min_len_ratio


def signature_buckets(signature: bytes | np.ndarray, params: DedupParams | None = None) -> list[tuple[int, int]]:
    """``(band, bucket)`` rows of one stored signature, for a ``dedup_bands`` table in Postgres.

    Two articles are LSH candidates exactly when they share a ``(band, bucket)`` row (the same rule
    ``DedupIndex`` applies in memory). An empty text (all slots at the empty value) gets no rows: every
    empty text would share them.
    """
    params = params or DedupParams()
    sig = signature_from_bytes(signature) if isinstance(signature, bytes | bytearray | memoryview) else signature
    sig = np.asarray(sig, dtype=np.uint32)
    if bool(np.all(sig == EMPTY)):
        return []
    keys = bucket_ids(sig[None, :], params.bands, params.rows)[0]
    return [(band, int(key)) for band, key in enumerate(keys.tolist())]


@dataclass
class AddResult:
    """What one ``add`` changed, for the lead to persist.

    * ``signatures``: upsert into ``dedup_signatures`` (new or changed articles only);
    * ``replaced``: articles whose text changed: delete their old edges and conflicts first;
    * ``edges``/``conflicts``: insert (``dedup_edges``, ``figure_conflicts``);
    * ``assignments``: upsert into ``dedup_clusters``: every member of every cluster this batch touched
      (new members, merges, a changed canonical), so the table never holds a stale cluster id.
    """

    signatures: list[SignatureRecord] = field(default_factory=list)
    replaced: list[ArticleId] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    conflicts: list[FigureConflict] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    candidates_found: int = 0
    candidates_checked: int = 0


@dataclass
class _Prepared:
    """A text as the verification step needs it (kept only while one ``add`` runs)."""

    shingles: np.ndarray
    figures: FigureText | None = None


class DedupIndex:
    """In-memory dedup index, rebuilt from stored rows, answering candidates for new articles.

    Not thread-safe. Signatures live in one ``(rows × num_perm)`` uint32 matrix and the LSH bands in
    sorted numpy arrays (``lsh.py``): about 90 MB per 100,000 articles, measured in
    ``benchmarks/results/dedup_scale.md``.
    """

    def __init__(self, params: DedupParams | None = None) -> None:
        self.params = params or DedupParams()
        self._hasher = MinHasher(self.params.num_perm, self.params.seed)
        if self.params.bands * self.params.rows > self.params.num_perm:
            raise ValueError("bands × rows exceeds num_perm")
        self._bands = BandIndex(self.params.bands, self.params.rows)
        self._sigmat = np.empty((0, self.params.num_perm), dtype=np.uint32)  # row → signature
        self._sig8 = np.empty((0, self.params.num_perm), dtype=np.uint8)  # its low bytes (``_prefilter``)
        self._nrows = 0
        self._row: dict[ArticleId, int] = {}
        self._row_id: list[ArticleId | None] = []  # row → article id (None once retired)
        self._meta: dict[ArticleId, DocMeta] = {}
        self._hash: dict[ArticleId, str] = {}
        self._nshingles: dict[ArticleId, int] = {}
        self._by_hash: dict[str, set[ArticleId]] = {}
        self._adj: dict[ArticleId, dict[ArticleId, Edge]] = {}  # one-story edges
        self._cannot: dict[ArticleId, dict[ArticleId, Edge]] = {}  # "distinct" edges

    # ------------------------------------------------------------------ rebuilding from storage
    @classmethod
    def from_rows(
        cls,
        signatures: Iterable[SignatureRecord],
        edges: Iterable[Edge] = (),
        params: DedupParams | None = None,
    ) -> DedupIndex:
        """Rebuild from ``dedup_signatures`` and ``dedup_edges`` rows without reading any text.

        Raises ``ValueError`` on a row signed with other parameters (re-sign those from text with
        ``add``).
        """
        index = cls(params)
        fp = index.params.fingerprint()
        metas, hashes, sizes, sigs = [], [], [], []
        for rec in signatures:
            if rec.params != fp:
                raise ValueError(f"signature of {rec.article_id!r} was made with {rec.params}, not {fp}")
            sigs.append(signature_from_bytes(rec.signature))
            metas.append(DocMeta(rec.article_id, iso_date(rec.published), rec.origin, rec.body_len, rec.paper))
            hashes.append(rec.exact_hash)
            sizes.append(rec.n_shingles)
        if metas:
            index._insert_many(metas, hashes, sizes, np.stack(sigs))
        for edge in edges:
            index._add_edge(edge)
        return index

    def __len__(self) -> int:
        return len(self._meta)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._meta

    def signature_record(self, article_id: ArticleId) -> SignatureRecord:
        """The stored form of one indexed article."""
        meta = self._meta[article_id]
        return SignatureRecord(
            article_id=article_id,
            signature=signature_to_bytes(self._sigmat[self._row[article_id]]),
            exact_hash=self._hash[article_id],
            n_shingles=self._nshingles[article_id],
            body_len=meta.body_len,
            published=meta.published,
            paper=meta.paper,
            origin=meta.origin,
            params=self.params.fingerprint(),
        )

    def buckets(self, article_id: ArticleId) -> list[tuple[int, int]]:
        """``signature_buckets`` of one indexed article (none for an empty text)."""
        if self._nshingles[article_id] == 0:
            return []
        return signature_buckets(self._sigmat[self._row[article_id]], self.params)

    def edges(self) -> list[Edge]:
        """All edges, sorted (for persistence checks and tests)."""
        seen = {e for adj in (self._adj, self._cannot) for nbrs in adj.values() for e in nbrs.values()}
        return sorted(seen, key=lambda e: (id_key(e.a), id_key(e.b)))

    # ------------------------------------------------------------------ internal bookkeeping
    def _insert_many(
        self, metas: Sequence[DocMeta], hashes: Sequence[str], sizes: Sequence[int], sigs: np.ndarray
    ) -> None:
        """Index a batch of new articles (ids not yet indexed) as consecutive rows."""
        first = self._nrows
        need = first + len(metas)
        if need > len(self._sigmat):
            size = max(need, 2 * len(self._sigmat), 1024)
            grown = np.empty((size, self.params.num_perm), dtype=np.uint32)
            grown[:first] = self._sigmat[:first]
            self._sigmat = grown
            grown8 = np.empty((size, self.params.num_perm), dtype=np.uint8)
            grown8[:first] = self._sig8[:first]
            self._sig8 = grown8
        self._sigmat[first:need] = sigs
        self._sig8[first:need] = sigs  # keeps the low byte (unsafe cast truncates)
        self._nrows = need
        self._bands.add(first, sigs)
        for k, (meta, exact, size) in enumerate(zip(metas, hashes, sizes, strict=True)):
            aid = meta.id
            self._row[aid] = first + k
            self._row_id.append(aid)
            self._meta[aid] = meta
            self._hash[aid] = exact
            self._nshingles[aid] = int(size)
            if size > 0:  # an empty text is nobody's copy: no exact peers, no LSH buckets
                self._by_hash.setdefault(exact, set()).add(aid)
            else:
                self._bands.retire(first + k)

    def _remove(self, aid: ArticleId) -> set[ArticleId]:
        """Forget one article and its edges; return its former neighbours."""
        if self._nshingles.pop(aid) > 0:
            peers = self._by_hash[self._hash[aid]]
            peers.discard(aid)
            if not peers:
                del self._by_hash[self._hash[aid]]
        row = self._row.pop(aid)
        self._bands.retire(row)
        self._row_id[row] = None
        del self._meta[aid], self._hash[aid]
        neighbours: set[ArticleId] = set()
        for adj in (self._adj, self._cannot):
            mine = set(adj.pop(aid, {}))
            for other in mine:
                adj[other].pop(aid, None)
                if not adj[other]:
                    del adj[other]
            neighbours |= mine
        return neighbours

    def _add_edge(self, edge: Edge) -> None:
        adj = self._cannot if edge.method == "distinct" else self._adj
        adj.setdefault(edge.a, {})[edge.b] = edge
        adj.setdefault(edge.b, {})[edge.a] = edge

    # ------------------------------------------------------------------ queries
    def candidates(self, sig: np.ndarray, exact: str | None = None) -> list[ArticleId]:
        """Indexed articles sharing an LSH band or the exact hash with a signature, sorted by id."""
        found: set[ArticleId] = set(self._by_hash.get(exact, ())) if exact else set()
        _, rows = self._bands.query(sig[None, :])
        found.update(self._row_id[r] for r in rows.tolist())
        found.discard(None)
        return sorted(found, key=id_key)

    def query(self, text: str) -> list[ArticleId]:
        """Candidates for a text that is not (yet) indexed."""
        norm = normalise(text)
        sigs, sizes = self._hasher.sign_texts([norm], self.params.shingle)
        if sizes[0] == 0:
            return []
        return self.candidates(sigs[0], _exact(norm))

    # ------------------------------------------------------------------ adding a batch
    def add(self, docs: Sequence[Document], text_loader: TextLoader | None = None) -> AddResult:
        """Add (or re-add) a batch; return what changed.

        A document whose id is already indexed with the same normalised text and metadata is left alone
        (re-running a partition is a no-op); one whose text or metadata changed replaces the old entry.
        ``text_loader`` supplies the texts of already-indexed candidates; it may be omitted when every
        article is in ``docs``.
        """
        result = AddResult()
        latest: dict[ArticleId, Document] = {}
        for doc in docs:  # the last occurrence of an id wins
            latest[doc.id] = doc
        norms = {aid: normalise(doc.text) for aid, doc in latest.items()}
        fresh: list[ArticleId] = []
        touched: set[ArticleId] = set()
        for aid, doc in latest.items():
            meta = DocMeta(aid, iso_date(doc.published), doc.origin, len(norms[aid]), doc.paper)
            if aid in self._meta:
                if self._meta[aid] == meta and self._hash[aid] == _exact(norms[aid]):
                    touched.add(aid)
                    continue
                touched |= self._remove(aid)
                result.replaced.append(aid)
            fresh.append(aid)
        fresh.sort(key=id_key)
        sigs, sizes = self._hasher.sign_texts([norms[a] for a in fresh], self.params.shingle)
        metas = []
        for aid in fresh:
            doc = latest[aid]
            metas.append(DocMeta(aid, iso_date(doc.published), doc.origin, len(norms[aid]), doc.paper))
        if fresh:
            self._insert_many(metas, [_exact(norms[a]) for a in fresh], sizes, sigs)
        result.signatures = [self.signature_record(aid) for aid in fresh]
        touched.update(fresh)

        ordered, result.candidates_found = self._candidate_pairs(fresh)
        result.candidates_checked = len(ordered)

        texts = {aid: doc.text for aid, doc in latest.items()}
        missing = sorted({x for p in ordered for x in p if x not in texts}, key=id_key)
        if missing:
            if text_loader is None:
                raise ValueError(f"text_loader needed for {len(missing)} indexed candidates")
            loaded = text_loader(missing)
            for aid in missing:
                texts[aid] = loaded[aid]
        prepared: dict[ArticleId, _Prepared] = {}
        for a, b in ordered:
            for aid in (a, b):
                if aid not in prepared:
                    norm = norms[aid] if aid in norms else normalise(texts[aid])
                    prepared[aid] = _Prepared(self._shingles_of(norm))
            edge, conflicts = self._verify(a, b, prepared, texts)
            if edge is not None:
                self._add_edge(edge)
                result.edges.append(edge)
                result.conflicts.extend(conflicts)
        result.assignments = self.assignments(self._component_of(touched))
        # a correction counts only between copies that ended up in one cluster
        cluster_of = {x.id: x.cluster for x in result.assignments}
        result.conflicts = [
            c for c in result.conflicts if cluster_of.get(c.article_a) == cluster_of.get(c.article_b)
        ]
        return result

    def _candidate_pairs(self, fresh: Sequence[ArticleId]) -> tuple[list[tuple[ArticleId, ArticleId]], int]:
        """Pairs (each with at least one fresh article) to verify, sorted; and the raw LSH pair count.

        Exact-hash peers always; LSH band collisions only when their MinHash estimate is at least
        ``min_jaccard - prefilter_margin``. LSH with 4-row bands lets through many pairs at Jaccard
        0.1–0.3 (stock phrases, shared background paragraphs); comparing 128 signature slots per pair in
        numpy costs microseconds where verification costs a text load and two shingle sets. With 128
        permutations the estimate's standard deviation is ≤ 0.045, so a margin of 0.15 loses a pair at
        the threshold with probability < 10⁻³.
        """
        pairs: set[tuple[ArticleId, ArticleId]] = set()

        def put(a: ArticleId, b: ArticleId) -> None:
            if a != b:
                pairs.add((a, b) if id_key(a) < id_key(b) else (b, a))

        for aid in fresh:
            if self._nshingles[aid] > 0:
                for other in self._by_hash.get(self._hash[aid], ()):
                    put(aid, other)
        fresh_rows = np.array([self._row[a] for a in fresh], dtype=np.int64)
        if len(fresh_rows) and len(self._row) == len(fresh_rows):
            own, rows = self._bands.pairs()  # everything indexed is new: pairs straight from the buckets
        elif len(fresh_rows):
            q, rows = self._bands.query(self._sigmat[fresh_rows])
            own = fresh_rows[q]
            # drop self-matches, and keep each fresh–fresh pair once
            mask = (rows != own) & (~np.isin(rows, fresh_rows) | (rows > own))
            own, rows = own[mask], rows[mask]
        else:
            own = rows = fresh_rows
        found = len(rows)
        floor = self.params.min_jaccard - self.params.prefilter_margin
        if self.params.min_containment is None and floor > 0:
            own, rows = _prefilter(self._sig8, own, rows, floor)  # a superset, cheaply
            own, rows = _prefilter(self._sigmat, own, rows, floor)  # the exact estimate
        for a, b in zip(own.tolist(), rows.tolist(), strict=True):
            put(self._row_id[a], self._row_id[b])
        return sorted(pairs, key=lambda p: (id_key(p[0]), id_key(p[1]))), found

    def _shingles_of(self, norm: str) -> np.ndarray:
        return shingle_set(shingle_batch([norm], self.params.shingle).of(0))

    def _verify(
        self,
        a: ArticleId,
        b: ArticleId,
        prepared: dict[ArticleId, _Prepared],
        texts: Mapping[ArticleId, str],
    ) -> tuple[Edge | None, list[FigureConflict]]:
        """Decide whether a candidate pair is one story; ``None`` when it is not."""
        if self._nshingles[a] == 0 or self._nshingles[b] == 0:
            return None, []  # an empty text is nobody's copy
        if self._hash[a] == self._hash[b]:
            return Edge(a, b, 1.0, "exact"), []
        sa, sb = prepared[a].shingles, prepared[b].shingles
        inter = len(np.intersect1d(sa, sb, assume_unique=True))
        jac = inter / (len(sa) + len(sb) - inter)
        small, large = sorted((len(sa), len(sb)))
        cont = inter / small
        if not self.params.accepts(jac, cont, small / large):
            return None, []
        if not self.params.check_figures:
            return Edge(a, b, round(jac, 6), "near", round(cont, 6)), []
        for aid in (a, b):
            if prepared[aid].figures is None:
                if self.params.figure_source == "indicators":
                    prepared[aid].figures = figures_from_indicators(texts[aid], self._meta[aid].published)
                else:
                    prepared[aid].figures = figure_text(texts[aid])
        fa, fb = prepared[a].figures, prepared[b].figures
        assert fa is not None and fb is not None
        cmp = compare_figures(
            fa,
            fb,
            max_corrections=self.params.max_corrections,
            small_share=self.params.small_share,
            identical_ratio=self.params.identical_ratio,
        )
        if cmp.verdict == "different":
            return Edge(a, b, round(jac, 6), "distinct", round(cont, 6), cmp.aligned, len(cmp.differing)), []
        edge = Edge(a, b, round(jac, 6), "near", round(cont, 6), cmp.aligned, len(cmp.differing))
        return edge, self._conflicts(a, b, fa, fb, cmp.differing)

    def _conflicts(self, a, b, fa: FigureText, fb: FigureText, differing) -> list[FigureConflict]:
        ma, mb = self._meta[a], self._meta[b]
        # a = the earlier edition; on one date, the canonical of the two counts
        if (mb.published or "") < (ma.published or ""):
            a, b, fa, fb, ma, mb = b, a, fb, fa, mb, ma
            differing = [(y, x) for x, y in differing]
        later = mb.id if (mb.published or "") > (ma.published or "") else pick_canonical([ma, mb]).id
        out = []
        for x, y in differing:
            sa, ea = fa.original_span(x)
            sb, eb = fb.original_span(y)
            ctx = fa.light[max(0, x.start - 12) : x.end + 8]
            out.append(FigureConflict(a, b, x.text, y.text, sa, ea, sb, eb, x.value, y.value, ctx, later))
        return out

    # ------------------------------------------------------------------ clusters
    def _component_of(self, seeds: Iterable[ArticleId]) -> list[ArticleId]:
        """All articles connected to any of ``seeds`` (that are still indexed)."""
        seen: set[ArticleId] = set()
        stack = [s for s in seeds if s in self._meta]
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            stack.extend(y for y in self._adj.get(x, {}) if y not in seen)
        return sorted(seen, key=id_key)

    def assignments(self, ids: Iterable[ArticleId] | None = None) -> list[Assignment]:
        """Assignments of ``ids`` (all indexed articles when ``None``), sorted by id."""
        wanted = sorted(self._meta if ids is None else set(ids), key=id_key)
        out: dict[ArticleId, Assignment] = {}
        for aid in wanted:
            if aid in out:
                continue
            component = self._component_of([aid])
            edges = {e for m in component for e in self._adj.get(m, {}).values()}
            cluster_of = constrained_clusters(component, edges, self._cannot_sets(component))
            groups: dict[ArticleId, list[ArticleId]] = {}
            for m in component:
                groups.setdefault(cluster_of[m], []).append(m)
            for cluster, members in groups.items():
                canonical = pick_canonical(self._meta[m] for m in members).id
                inside = set(members)
                for m in members:
                    out[m] = self._assignment(m, cluster, canonical, inside)
        return [out[a] for a in wanted]

    def _cannot_sets(self, component: Iterable[ArticleId]) -> dict[ArticleId, set[ArticleId]]:
        return {m: set(self._cannot[m]) for m in component if m in self._cannot}

    def _assignment(
        self, aid: ArticleId, cluster: ArticleId, canonical: ArticleId, members: set[ArticleId]
    ) -> Assignment:
        nbrs = {o: e for o, e in self._adj.get(aid, {}).items() if o in members}
        if not nbrs:
            return Assignment(aid, cluster, canonical, 1.0, "unique", None, len(members))
        other, edge = min(
            nbrs.items(),
            key=lambda kv: (kv[1].method != "exact", -kv[1].similarity, id_key(kv[0])),
        )
        method = "exact" if edge.method == "exact" else "near"
        return Assignment(aid, cluster, canonical, edge.similarity, method, other, len(members))


#: Pairs per block in ``_prefilter``: the gathered blocks stay in cache and are reused.
_PREFILTER_BLOCK = 4096


def _prefilter(sigmat: np.ndarray, a: np.ndarray, b: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(a[i], b[i])`` whose share of equal slots in ``sigmat`` is at least ``floor``.

    On the uint32 signatures this is the MinHash estimate, exactly as ``(sa == sb).mean() >= floor``.
    On their low bytes (``DedupIndex._sig8``) every equal slot is still equal, so the share is at least
    the estimate and the pairs kept are a superset: the byte pass (a quarter of the memory traffic)
    rejects the millions of unrelated LSH pairs, the exact pass then decides on the few left, and the
    result is the exact pass's alone. Blocks are gathered into preallocated buffers: at 100,000
    articles the benchmark's LSH finds 2.9 million raw pairs, and fresh temporaries per block cost more
    in page faults than the comparison.
    """
    n, width = len(a), sigmat.shape[1]
    if n == 0:
        return a, b
    keep = np.empty(n, dtype=bool)
    block = min(_PREFILTER_BLOCK, n)
    ga = np.empty((block, width), dtype=sigmat.dtype)
    gb = np.empty((block, width), dtype=sigmat.dtype)
    eq = np.empty((block, width), dtype=bool)
    for i in range(0, n, block):
        m = min(block, n - i)
        np.take(sigmat, a[i : i + m], axis=0, out=ga[:m])
        np.take(sigmat, b[i : i + m], axis=0, out=gb[:m])
        np.equal(ga[:m], gb[:m], out=eq[:m])
        # count / width is what ``(sa == sb).mean(axis=1)`` computes, to the bit
        keep[i : i + m] = eq[:m].view(np.uint8).sum(axis=1, dtype=np.int64) / width >= floor
    return a[keep], b[keep]

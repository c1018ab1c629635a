"""The incremental dedup index: signatures + LSH for candidates, verification, clusters as components.

Why connected components of verified edges: an edge (two articles are copies of one story) is a pure
function of the two texts, so the set of edges, and therefore the clusters, depend only on the set of
articles, never on the order or the batches they arrived in. Adding a nightly partition to an index built
from stored rows gives exactly the clusters of one batch over everything; re-running a partition whose
texts did not change changes nothing.

Flow of ``DedupIndex.add``: normalise → exact hash + shingles → MinHash signatures (vectorised, see
``minhash.py``) → candidates = same exact hash ∪ datasketch ``MinHashLSH`` band collisions → verification
on the shingle sets (Jaccard, or containment with a length floor) → figure check (``figures.py``) → edges
(and cannot-link "distinct" edges) → constrained clusters (``cluster.py``) → canonical member.

Only the new articles are shingled and queried; an existing article's text is read (through
``text_loader``) only when it is a candidate of a new one, for the verification step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHashLSH

from .canonical import DocMeta, pick_canonical
from .cluster import constrained_clusters
from .figures import FigureText, compare_figures, figure_text
from .minhash import MinHasher, shingle_batch, shingle_set, signature_from_bytes, signature_to_bytes
from .model import ArticleId, Assignment, Document, Edge, FigureConflict, SignatureRecord, id_key, iso_date
from .normalise import NORMALISER_VERSION, normalise
from .normalise import hash_normalised as _exact

__all__ = ["AddResult", "DedupIndex", "DedupParams", "TextLoader"]

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
    """

    shingle: int = 3
    num_perm: int = 128
    seed: int = 1
    bands: int = 32
    rows: int = 4
    min_jaccard: float = 0.5
    min_containment: float | None = None
    min_len_ratio: float = 0.3
    max_corrections: int = 2
    small_share: float = 0.25
    identical_ratio: float = 0.95
    check_figures: bool = True

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
    candidates_checked: int = 0


@dataclass
class _Prepared:
    """A text as the verification step needs it (kept only while one ``add`` runs)."""

    shingles: np.ndarray
    figures: FigureText | None = None


class DedupIndex:
    """In-memory dedup index, rebuilt from stored rows, answering candidates for new articles.

    Not thread-safe. Memory is dominated by the LSH tables (about 0.6 GB per 100,000 articles with 32
    bands, measured in ``benchmarks/results/dedup_scale.md``).
    """

    def __init__(self, params: DedupParams | None = None) -> None:
        self.params = params or DedupParams()
        self._hasher = MinHasher(self.params.num_perm, self.params.seed)
        self._lsh = MinHashLSH(num_perm=self.params.num_perm, params=(self.params.bands, self.params.rows))
        self._meta: dict[ArticleId, DocMeta] = {}
        self._hash: dict[ArticleId, str] = {}
        self._nshingles: dict[ArticleId, int] = {}
        self._sig: dict[ArticleId, np.ndarray] = {}
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
        for rec in signatures:
            if rec.params != fp:
                raise ValueError(f"signature of {rec.article_id!r} was made with {rec.params}, not {fp}")
            sig = signature_from_bytes(rec.signature)
            meta = DocMeta(rec.article_id, iso_date(rec.published), rec.origin, rec.body_len, rec.paper)
            index._insert(meta, rec.exact_hash, rec.n_shingles, sig)
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
            signature=signature_to_bytes(self._sig[article_id]),
            exact_hash=self._hash[article_id],
            n_shingles=self._nshingles[article_id],
            body_len=meta.body_len,
            published=meta.published,
            paper=meta.paper,
            origin=meta.origin,
            params=self.params.fingerprint(),
        )

    def edges(self) -> list[Edge]:
        """All edges, sorted (for persistence checks and tests)."""
        seen = {e for adj in (self._adj, self._cannot) for nbrs in adj.values() for e in nbrs.values()}
        return sorted(seen, key=lambda e: (id_key(e.a), id_key(e.b)))

    # ------------------------------------------------------------------ internal bookkeeping
    def _insert(self, meta: DocMeta, exact: str, n_shingles: int, sig: np.ndarray) -> None:
        aid = meta.id
        self._meta[aid] = meta
        self._hash[aid] = exact
        self._nshingles[aid] = n_shingles
        self._sig[aid] = sig
        self._by_hash.setdefault(exact, set()).add(aid)
        if n_shingles > 0:  # an empty text's signature collides with every other empty one
            self._lsh.insert(aid, self._hasher.lean(sig), check_duplication=False)

    def _remove(self, aid: ArticleId) -> set[ArticleId]:
        """Forget one article and its edges; return its former neighbours."""
        if self._nshingles.pop(aid) > 0:
            self._lsh.remove(aid)
        peers = self._by_hash[self._hash[aid]]
        peers.discard(aid)
        if not peers:
            del self._by_hash[self._hash[aid]]
        del self._meta[aid], self._hash[aid], self._sig[aid]
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
        found.update(self._lsh.query(self._hasher.lean(sig)))
        return sorted(found, key=id_key)

    def query(self, text: str) -> list[ArticleId]:
        """Candidates for a text that is not (yet) indexed."""
        norm = normalise(text)
        batch = shingle_batch([norm], self.params.shingle)
        exact = _exact(norm)
        if batch.sizes()[0] == 0:
            return sorted(self._by_hash.get(exact, ()), key=id_key)
        return self.candidates(self._hasher.signatures(batch)[0], exact)

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
        batch = shingle_batch([norms[a] for a in fresh], self.params.shingle)
        sigs = self._hasher.signatures(batch)
        prepared: dict[ArticleId, _Prepared] = {}
        for i, aid in enumerate(fresh):
            doc = latest[aid]
            meta = DocMeta(aid, iso_date(doc.published), doc.origin, len(norms[aid]), doc.paper)
            self._insert(meta, _exact(norms[aid]), int(batch.sizes()[i]), sigs[i])
            prepared[aid] = _Prepared(shingle_set(batch.of(i)))
            result.signatures.append(self.signature_record(aid))
        touched.update(fresh)

        pairs: set[tuple[ArticleId, ArticleId]] = set()
        for i, aid in enumerate(fresh):
            for other in self.candidates(sigs[i], self._hash[aid]):
                if other != aid:
                    pairs.add((aid, other) if id_key(aid) < id_key(other) else (other, aid))
        result.candidates_checked = len(pairs)
        texts = {aid: latest[aid].text for aid in fresh}
        missing = sorted({x for p in pairs for x in p if x not in texts}, key=id_key)
        if missing:
            if text_loader is None:
                raise ValueError(f"text_loader needed for {len(missing)} indexed candidates")
            loaded = text_loader(missing)
            for aid in missing:
                texts[aid] = loaded[aid]
                prepared[aid] = _Prepared(self._shingles_of(loaded[aid]))

        for a, b in sorted(pairs, key=lambda p: (id_key(p[0]), id_key(p[1]))):
            edge, conflicts = self._verify(a, b, prepared, texts)
            if edge is not None:
                self._add_edge(edge)
                result.edges.append(edge)
                result.conflicts.extend(conflicts)
        result.assignments = self.assignments(self._component_of(touched))
        return result

    def _shingles_of(self, text: str) -> np.ndarray:
        batch = shingle_batch([normalise(text)], self.params.shingle)
        return shingle_set(batch.of(0))

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

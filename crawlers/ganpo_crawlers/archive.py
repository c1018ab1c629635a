"""The raw archive: one gzip WARC per crawl, written before any parsing; pure warcio (no Scrapy).

Records
- `response`: every HTTP response received (any status, also 3xx, 304 and retried 5xx), with its body
  after content decoding (gzip/deflate undone, so the headers' Content-Encoding is renamed).
- `metadata` with `record_type` `failure` (final failure of a page and its reason) or `drift` (an edition
  exists but a selector matched nothing).
Each record carries `WARC-Ganpo-Meta`, a JSON object: page_kind, profile, layout_no, layout_name, origin,
part_of/part, … (see `ArchivedRecord`). Records are flushed one by one, so a crawl killed with SIGKILL
leaves at most one truncated last record, which the reader drops and the writer cuts off before appending.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

META_HEADER = "WARC-Ganpo-Meta"
RECORD_TYPES = ("response", "failure", "drift")
PAGE_KINDS = ("front", "layout", "list", "article", "article_part", "missing", "other")
# Headers describing the wire form of the body; the archived body is already decoded.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def content_hash(body: bytes) -> str:
    """The `content_hash` of `--known`: SHA-256 hex of the archived (decoded) body bytes."""
    return hashlib.sha256(body).hexdigest()


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class ArchivedRecord:
    url: str  # canonical (live-site) URL; meta["fetched_url"] is the URL actually fetched
    record_type: str  # response | failure | drift
    http_status: int | None
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # WARC-Date, ISO 8601 UTC
    archive_offset: int  # byte offset of the record's gzip member in the file
    page_kind: str | None
    profile: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None  # failure: timeout, dns, size_cap, http_404, soft_404, no_edition, …
    selector: str | None = None  # drift: the selector key that matched nothing
    archive_path: str = ""

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def origin(self) -> str | None:
        return self.meta.get("origin")

    @property
    def layout_no(self) -> str | None:
        return self.meta.get("layout_no")

    @property
    def layout_name(self) -> str | None:
        return self.meta.get("layout_name")

    @property
    def part_of(self) -> str | None:
        return self.meta.get("part_of")

    @property
    def part(self) -> int | None:
        return self.meta.get("part")

    @property
    def unchanged(self) -> bool:
        return bool(self.meta.get("unchanged"))


def _clean_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None}


class ArchiveWriter:
    """Appends records to a gzip WARC (one gzip member per record, flushed and fsynced as it goes)."""

    def __init__(self, path: str | os.PathLike[str], info: Mapping[str, Any] | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.dropped_bytes = repair_archive(self.path) if self.path.exists() else 0
        self._fh = open(self.path, "ab")  # noqa: SIM115 - held open for the crawl, closed in close()
        self._writer = WARCWriter(self._fh, gzip=True)
        self.records = 0
        info = dict(info or {})
        if self.dropped_bytes:
            info["repaired_truncated_bytes"] = self.dropped_bytes
        record = self._writer.create_warcinfo_record(
            self.path.name, {"software": "ganpo-ingest crawler", **{k: str(v) for k, v in info.items()}}
        )
        self._write(record)

    def _write(self, record: Any) -> int:
        offset = self._fh.tell()
        self._writer.write_record(record)
        self._fh.flush()
        # A SIGKILL can come any time: each record is on disk before the crawl moves on.
        os.fsync(self._fh.fileno())
        self.records += 1
        return offset

    def write_response(
        self,
        url: str,
        status: int,
        headers: Iterable[tuple[str, str]] | Mapping[str, str],
        body: bytes,
        meta: Mapping[str, Any],
        reason_phrase: str = "",
    ) -> int:
        pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
        http_headers = []
        for key, value in pairs:
            if key.lower() in _WIRE_HEADERS:
                # warcio would try to undo a Content-Encoding the body no longer has.
                if key.lower() != "content-length":
                    http_headers.append((f"X-Ganpo-Original-{key}", value))
                continue
            http_headers.append((key, value))
        http_headers.append(("Content-Length", str(len(body))))
        status_line = f"{status} {reason_phrase or 'NA'}"
        full_meta = _clean_meta({**meta, "record_type": "response", "body_length": len(body)})
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders(status_line, http_headers, protocol="HTTP/1.1"),
            warc_headers_dict={META_HEADER: json.dumps(full_meta, ensure_ascii=True, sort_keys=True)},
        )
        return self._write(record)

    def _write_metadata(self, url: str, meta: Mapping[str, Any]) -> int:
        full = _clean_meta(meta)
        payload = json.dumps(full, ensure_ascii=False, sort_keys=True).encode("utf-8")
        record = self._writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type="application/json",
            warc_headers_dict={META_HEADER: json.dumps(full, ensure_ascii=True, sort_keys=True)},
        )
        return self._write(record)

    def write_failure(self, url: str, reason: str, meta: Mapping[str, Any]) -> int:
        return self._write_metadata(url, {**meta, "record_type": "failure", "reason": reason})

    def write_drift(self, url: str, profile: str, selector: str, meta: Mapping[str, Any]) -> int:
        return self._write_metadata(
            url, {**meta, "record_type": "drift", "profile": profile, "selector": selector}
        )

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            self._fh.close()

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Errors a truncated gzip member or WARC block raises inside warcio.
_TRUNCATION_ERRORS = (
    EOFError, zlib.error, ArchiveLoadFailed, ValueError, OSError, KeyError, AttributeError, TypeError, IndexError,
)


def _member_complete(path: str | os.PathLike[str], offset: int, length: int) -> bool:
    """Whether the gzip member at offset is whole, trailer included (warcio reads a member that lost only
    its trailer without complaint, and appending after such a member would corrupt the next record)."""
    with open(path, "rb") as raw:
        raw.seek(offset)
        data = raw.read(length)
    if len(data) < length:
        return False
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inflater.decompress(data)
    except zlib.error:
        return False
    return inflater.eof


def _iter_raw(fh: Any) -> Iterator[tuple[Any, int, int, bytes]]:
    """(record, offset, length, content) for each complete record; stops at the first damaged one."""
    it = ArchiveIterator(fh, check_digests=False)
    while True:
        try:
            record = next(it)
            content = record.content_stream().read()
            # Read to the end of the member so the offset and length below are known.
            it.read_to_end(record)
            offset, length = it.get_record_offset(), it.get_record_length()
        except StopIteration:
            return
        except _TRUNCATION_ERRORS:
            return
        if not _member_complete(fh.name, offset, length):
            return
        meta_raw = record.rec_headers.get_header(META_HEADER)
        if meta_raw:
            try:
                meta = json.loads(meta_raw)
            except ValueError:
                return
            expected = meta.get("body_length")
            if record.rec_type == "response" and expected is not None and expected != len(content):
                return  # body cut short: the crawl died while writing this record
        declared = record.rec_headers.get_header("Content-Length")
        if declared is not None and record.rec_type != "response":
            if int(declared) != len(content):
                return
        yield record, offset, length, content


def repair_archive(path: str | os.PathLike[str]) -> int:
    """Cut a damaged tail (a record half-written when the crawl was killed) so appending stays valid.
    Returns the number of bytes dropped."""
    path = Path(path)
    size = path.stat().st_size
    end = 0
    with open(path, "rb") as fh:
        for _record, offset, length, _content in _iter_raw(fh):
            end = offset + length
    if end < size:
        with open(path, "r+b") as fh:
            fh.truncate(end)
    return size - end


def read_archive(path: str | os.PathLike[str]) -> Iterator[ArchivedRecord]:
    """The response, failure and drift records of one archive, in order; a truncated last record (crawl
    killed mid-write) is skipped, everything before it is returned."""
    with open(path, "rb") as fh:
        for record, offset, _length, content in _iter_raw(fh):
            if record.rec_type not in ("response", "metadata"):
                continue
            meta_raw = record.rec_headers.get_header(META_HEADER)
            meta: dict[str, Any] = json.loads(meta_raw) if meta_raw else {}
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            fetched_at = record.rec_headers.get_header("WARC-Date") or ""
            if record.rec_type == "response":
                headers: dict[str, str] = {}
                status: int | None = None
                if record.http_headers is not None:
                    for key, value in record.http_headers.headers:
                        headers[key] = f"{headers[key]}, {value}" if key in headers else value
                    try:
                        status = int(record.http_headers.get_statuscode())
                    except (TypeError, ValueError):
                        status = None
                yield ArchivedRecord(
                    url=url,
                    record_type="response",
                    http_status=status,
                    headers=headers,
                    body=content,
                    fetched_at=fetched_at,
                    archive_offset=offset,
                    page_kind=meta.get("page_kind"),
                    profile=meta.get("profile"),
                    meta=meta,
                    archive_path=str(path),
                )
            else:
                kind = meta.get("record_type")
                if kind not in ("failure", "drift"):
                    continue
                yield ArchivedRecord(
                    url=url,
                    record_type=kind,
                    http_status=meta.get("http_status"),
                    headers={},
                    body=b"",
                    fetched_at=fetched_at,
                    archive_offset=offset,
                    page_kind=meta.get("page_kind"),
                    profile=meta.get("profile"),
                    meta=meta,
                    reason=meta.get("reason"),
                    selector=meta.get("selector"),
                    archive_path=str(path),
                )


def known_from_archives(paths: Iterable[str | os.PathLike[str]]) -> dict[str, dict[str, str | None]]:
    """The `--known` mapping for the article pages stored in earlier archives (later archives win):
    `{url: {"etag", "last_modified", "content_hash"}}`."""
    known: dict[str, dict[str, str | None]] = {}
    for path in paths:
        for rec in read_archive(path):
            if rec.record_type != "response" or rec.page_kind not in ("article", "article_part"):
                continue
            if rec.http_status != 200:
                continue
            known[rec.url] = {
                "etag": rec.header("ETag"),
                "last_modified": rec.header("Last-Modified"),
                "content_hash": content_hash(rec.body),
            }
    return known

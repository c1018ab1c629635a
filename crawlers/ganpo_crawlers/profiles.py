"""Site profiles: URL templates, URL patterns and ordered selector fallbacks, one TOML file per site and skin.

Pure (no Scrapy): loads and validates `profiles/*.toml` and picks the profiles for a (paper, edition date),
the way fundus versions a publisher's parser by date. Correcting a selector is an edit to the TOML, not code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit, urlunsplit

PROFILE_DIR = Path(__file__).parent / "profiles"
PAPERS = ("shangrao", "gannan")
KINDS = ("founder", "newskj")
ORIGINS = ("epaper", "web")

# Selectors each kind of spider cannot work without; an empty list of these is a broken profile.
REQUIRED_SELECTORS: dict[str, tuple[str, ...]] = {
    "founder": ("layouts", "articles", "title", "body"),
    "newskj": ("list_items", "title", "body", "header"),
}
REQUIRED_PATTERNS: dict[str, tuple[str, ...]] = {
    "founder": ("date_in_url", "layout", "article"),
    "newskj": ("date_in_url", "article", "article_part", "time", "source"),
}
REQUIRED_URLS: dict[str, tuple[str, ...]] = {"founder": ("front",), "newskj": ("column",)}


class ProfileError(ValueError):
    """A profile file is malformed; raised at load time so a typo never reaches a crawl."""


@dataclass(frozen=True)
class Profile:
    name: str
    paper: str
    kind: str
    origin: str
    host: str
    scheme: str
    valid_from: date
    valid_until: date | None
    sample_date: date
    urls: Mapping[str, str]
    patterns: Mapping[str, re.Pattern[str]]
    selectors: Mapping[str, tuple[str, ...]]
    values: Mapping[str, str] = field(default_factory=dict)
    markers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    # (pattern, template) of numbered list pages, see newskj.toml
    list_schemes: tuple[tuple[re.Pattern[str], str], ...] = ()
    path: str = ""

    @property
    def live_base(self) -> str:
        return f"{self.scheme}://{self.host}"

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def url(self, key: str, day: date, base: str | None = None, **extra: str) -> str:
        """Fill the URL template `key` for an edition date; `base` replaces scheme://host (replica)."""
        template = self.urls[key]
        return template.format(base=(base or self.live_base).rstrip("/"), date=day, **self.values, **extra)

    def sel(self, key: str) -> tuple[str, ...]:
        return self.selectors.get(key, ())

    def marker(self, key: str) -> tuple[str, ...]:
        return self.markers.get(key, ())

    def date_from_url(self, url: str) -> date | None:
        m = self.patterns["date_in_url"].search(url)
        if not m:
            return None
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None


def _strs(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(value)


def _date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ProfileError(f"{where}: not a date: {value!r}") from exc
    raise ProfileError(f"{where}: not a date: {value!r}")


def _check_selector(expr: str, where: str) -> None:
    # Compile once here so a broken expression fails at load time, not on the first page of a crawl.
    from parsel import Selector  # parsel is pure (lxml + cssselect); imported lazily to keep load cheap

    probe = Selector(text="<html><body></body></html>")
    try:
        if expr.startswith("xpath:"):
            probe.xpath(expr[len("xpath:") :])
        else:
            probe.css(expr)
    except Exception as exc:  # noqa: BLE001 - any parse error of the expression is a profile error
        raise ProfileError(f"{where}: bad selector {expr!r}: {exc}") from exc


def parse_profile(data: Mapping[str, object], path: str = "") -> Profile:
    where = path or str(data.get("name", "?"))
    try:
        name = str(data["name"])
        paper = str(data["paper"])
        kind = str(data["kind"])
        origin = str(data["origin"])
        host = str(data["host"])
    except KeyError as exc:
        raise ProfileError(f"{where}: missing key {exc}") from exc
    if paper not in PAPERS:
        raise ProfileError(f"{where}: paper {paper!r} not in {PAPERS}")
    if kind not in KINDS:
        raise ProfileError(f"{where}: kind {kind!r} not in {KINDS}")
    if origin not in ORIGINS:
        raise ProfileError(f"{where}: origin {origin!r} not in {ORIGINS}")
    scheme = str(data.get("scheme", "http"))
    valid_from = _date(data.get("valid_from"), f"{where}.valid_from")
    valid_until = (
        _date(data["valid_until"], f"{where}.valid_until") if data.get("valid_until") is not None else None
    )
    if valid_until is not None and valid_until < valid_from:
        raise ProfileError(f"{where}: valid_until before valid_from")
    sample_date = _date(data.get("sample_date", valid_from), f"{where}.sample_date")

    urls_raw = data.get("urls", {})
    values_raw = data.get("values", {})
    if not isinstance(urls_raw, dict) or not isinstance(values_raw, dict):
        raise ProfileError(f"{where}: [urls] and [values] must be tables")
    urls = {str(k): str(v) for k, v in urls_raw.items()}
    values = {str(k): str(v) for k, v in values_raw.items()}
    for key in REQUIRED_URLS[kind]:
        if key not in urls:
            raise ProfileError(f"{where}: urls.{key} missing")
    for key, template in urls.items():
        try:
            template.format(base="http://x", date=sample_date, column="c", **values)
        except (KeyError, IndexError, ValueError) as exc:
            raise ProfileError(f"{where}: urls.{key} template {template!r}: {exc}") from exc

    patterns_raw = data.get("patterns", {})
    if not isinstance(patterns_raw, dict):
        raise ProfileError(f"{where}: [patterns] must be a table")
    patterns: dict[str, re.Pattern[str]] = {}
    for key, rx in patterns_raw.items():
        try:
            patterns[str(key)] = re.compile(str(rx))
        except re.error as exc:
            raise ProfileError(f"{where}: patterns.{key} {rx!r}: {exc}") from exc
    for key in REQUIRED_PATTERNS[kind]:
        if key not in patterns:
            raise ProfileError(f"{where}: patterns.{key} missing")
    if not {"y", "m", "d"} <= set(patterns["date_in_url"].groupindex):
        raise ProfileError(f"{where}: patterns.date_in_url needs named groups y, m, d")

    sel_raw = data.get("selectors", {})
    if not isinstance(sel_raw, dict):
        raise ProfileError(f"{where}: [selectors] must be a table")
    selectors: dict[str, tuple[str, ...]] = {}
    for key, exprs in sel_raw.items():
        selectors[str(key)] = () if exprs == [] else _strs(exprs, f"{where}.selectors.{key}")
        for expr in selectors[str(key)]:
            _check_selector(expr, f"{where}.selectors.{key}")
    for key in REQUIRED_SELECTORS[kind]:
        if not selectors.get(key):
            raise ProfileError(f"{where}: selectors.{key} missing or empty")

    markers_raw = data.get("markers", {})
    if not isinstance(markers_raw, dict):
        raise ProfileError(f"{where}: [markers] must be a table")
    markers = {str(k): _strs(v, f"{where}.markers.{k}") for k, v in markers_raw.items()}
    for rx in markers.get("strip_paragraphs", ()):
        try:
            re.compile(rx)
        except re.error as exc:
            raise ProfileError(f"{where}: markers.strip_paragraphs {rx!r}: {exc}") from exc
    columns = _strs(data["columns"], f"{where}.columns") if "columns" in data else ()
    if kind == "newskj" and not columns:
        raise ProfileError(f"{where}: a newskj profile needs columns")
    schemes_raw = data.get("list_schemes", [])
    if not isinstance(schemes_raw, list):
        raise ProfileError(f"{where}: list_schemes must be an array of tables")
    list_schemes: list[tuple[re.Pattern[str], str]] = []
    for i, entry in enumerate(schemes_raw):
        try:
            rx = re.compile(str(entry["pattern"]))
            template = str(entry["template"])
        except (KeyError, TypeError, re.error) as exc:
            raise ProfileError(f"{where}: list_schemes[{i}]: {exc}") from exc
        if "page" not in rx.groupindex:
            raise ProfileError(f"{where}: list_schemes[{i}] pattern needs a named group 'page'")
        list_schemes.append((rx, template))

    return Profile(
        name=name,
        paper=paper,
        kind=kind,
        origin=origin,
        host=host,
        scheme=scheme,
        valid_from=valid_from,
        valid_until=valid_until,
        sample_date=sample_date,
        urls=MappingProxyType(urls),
        patterns=MappingProxyType(patterns),
        selectors=MappingProxyType(selectors),
        values=MappingProxyType(values),
        markers=MappingProxyType(markers),
        columns=columns,
        list_schemes=tuple(list_schemes),
        path=path,
    )


def load_profile(path: str | Path) -> Profile:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: {exc}") from exc
    return parse_profile(data, str(path))


def validate_set(profiles: Iterable[Profile]) -> None:
    """Two profiles of one paper and origin must not claim the same date: the skin choice must be unique."""
    profiles = list(profiles)
    names = [p.name for p in profiles]
    if len(set(names)) != len(names):
        raise ProfileError(f"duplicate profile names: {names}")
    for i, a in enumerate(profiles):
        for b in profiles[i + 1 :]:
            if (a.paper, a.origin) != (b.paper, b.origin):
                continue
            a_end = a.valid_until or date.max
            b_end = b.valid_until or date.max
            if a.valid_from <= b_end and b.valid_from <= a_end:
                raise ProfileError(f"profiles {a.name} and {b.name} overlap in dates for {a.paper}/{a.origin}")


_CACHE: dict[str, dict[str, Profile]] = {}


def load_profiles(directory: str | Path | None = None) -> dict[str, Profile]:
    """All profiles of a directory by name (cached per directory)."""
    key = str(directory or PROFILE_DIR)
    if key not in _CACHE:
        found = {p.name: p for p in (load_profile(f) for f in sorted(Path(key).glob("*.toml")))}
        if not found:
            raise ProfileError(f"no profiles in {key}")
        validate_set(found.values())
        _CACHE[key] = found
    return _CACHE[key]


def profiles_for(paper: str, day: date, profiles: Mapping[str, Profile] | None = None) -> list[Profile]:
    """The profiles to crawl for a paper's edition date, e-paper first (at most one per origin)."""
    if paper not in PAPERS:
        raise ProfileError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    profiles = profiles if profiles is not None else load_profiles()
    chosen = [p for p in profiles.values() if p.paper == paper and p.covers(day)]
    return sorted(chosen, key=lambda p: ORIGINS.index(p.origin))


def profile_for_url(url: str, profiles: Mapping[str, Profile] | None = None) -> Profile | None:
    """The profile whose host and date range match a live URL (used to re-parse archived pages)."""
    profiles = profiles if profiles is not None else load_profiles()
    parts = urlsplit(url)
    for p in profiles.values():
        if parts.hostname != p.host:
            continue
        day = p.date_from_url(url)
        if day is not None and p.covers(day) and (p.kind != "founder" or p.patterns["layout"].search(url)
                                                   or p.patterns["article"].search(url)):
            return p
    for p in profiles.values():
        if parts.hostname == p.host and p.kind == "newskj":
            return p
    return None


class SiteMap:
    """Maps live hosts to replica base URLs (`--site HOST=BASE`) and back.

    Archive records carry the live (canonical) URL, so `--known` and stored pages match across runs whichever
    port a replica listens on; the fetched URL is kept beside it.
    """

    def __init__(self, sites: Mapping[str, str] | None = None, schemes: Mapping[str, str] | None = None):
        self.sites = {h: b.rstrip("/") for h, b in (sites or {}).items()}
        self.schemes = dict(schemes or {})

    @classmethod
    def for_profiles(cls, profiles: Iterable[Profile], sites: Mapping[str, str] | None = None) -> SiteMap:
        return cls(sites, {p.host: p.scheme for p in profiles})

    @property
    def is_replica(self) -> bool:
        return bool(self.sites)

    def base(self, host: str) -> str:
        return self.sites.get(host) or f"{self.schemes.get(host, 'http')}://{host}"

    def to_fetch(self, url: str) -> str:
        """A live URL → the URL to fetch (replica when overridden)."""
        parts = urlsplit(url)
        base = self.sites.get(parts.hostname or "")
        if not base:
            return url
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        return base + path

    def to_canonical(self, url: str) -> str:
        """A fetched URL → its live URL."""
        for host, base in self.sites.items():
            if url == base or url.startswith(base + "/"):
                rest = url[len(base) :] or "/"
                return f"{self.schemes.get(host, 'http')}://{host}{rest}"
        return url

    def fetch_hosts(self) -> set[str]:
        return {urlsplit(b).hostname or "" for b in self.sites.values()} - {""}


def parse_sites(items: Iterable[str]) -> dict[str, str]:
    """`HOST=BASE_URL` pairs from the command line."""
    sites: dict[str, str] = {}
    for item in items:
        host, sep, base = item.partition("=")
        if not sep or not host.strip() or not base.strip().startswith(("http://", "https://")):
            raise ValueError(f"--site expects HOST=BASE_URL, got {item!r}")
        sites[host.strip()] = base.strip().rstrip("/")
    return sites

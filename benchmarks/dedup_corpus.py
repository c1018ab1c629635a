"""Real-text material for the dedup evaluation and scale benchmark (seeded, deterministic).

Reads the real articles in ``../shared/seeds`` and ``../shared/corpus`` and derives from them:
base stories (long articles split into sections of consecutive paragraphs, so that two sections of one
report are a natural hard negative: same topic, same people, same stock phrases), edited copies of
growing size, spliced hard negatives, and the two issue-#9 figure cases.

Nothing here invents text: edits move, drop, join or reorder real sentences and clauses, and substitute
common news-editing variants (目前/当前 …); figure edits change only digits.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Word variants an editor swaps when re-working a story (both directions are used).
SYNONYMS = [
    ("目前", "当前"), ("进一步", "持续"), ("企业", "公司"), ("推进", "推动"), ("加快", "加速"),
    ("实现", "完成"), ("今年以来", "今年"), ("据了解", "据悉"), ("表示", "说"), ("积极", "主动"),
    ("不断", "持续"), ("全力", "全面"), ("重点", "关键"), ("打造", "建设"), ("项目", "工程"),
    ("记者", "笔者"), ("已经", "已"), ("正在", "正"), ("通过", "经由"), ("提升", "提高"),
    ("发展", "建设"), ("同时", "此外"), ("大力", "着力"), ("助力", "推动"), ("着力", "致力"),
]
CONNECTIVES = ["据介绍,", "目前,", "记者了解到,", "与此同时,", "据悉,", "另外,", "值得一提的是,"]
SENT_END = re.compile(r"(?<=[。！？!?；;])")
CLAUSE = re.compile(r"(?<=[,，])")


@dataclass
class Article:
    """A real article as read from the shared files."""

    name: str
    paper: str
    published: str
    title: str
    paragraphs: list[str]


@dataclass
class Story:
    """A base story for the evaluation: a title and running paragraphs (no captions)."""

    key: str
    source: str
    paper: str
    published: str
    title: str
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)

    def text(self, with_captions: bool = True) -> str:
        body = list(self.paragraphs)
        if with_captions and self.captions:
            body.insert(min(1, len(body)), self.captions[0])
            body.extend(self.captions[1:])
        return self.title + "\n\n" + "\n".join(body) + "\n"


def _clean_lines(raw: str) -> list[str]:
    """Drop markup of the stored copies: finews front matter, <p> tags, markdown links, source URLs."""
    if raw.startswith("---"):
        end = raw.find("\n---", 3)
        raw = raw[end + 4 :] if end > 0 else raw
    raw = re.sub(r"<[^>]+>", "\n", raw)
    lines = []
    for ln in raw.splitlines():
        ln = ln.strip()
        if not ln or ln.startswith(("<http", "[", "文章来源: http", "文章来源:http")):
            continue
        lines.append(ln)
    return lines


def load_articles(shared: Path = SHARED) -> list[Article]:
    """All real articles, sorted by name."""
    out: list[Article] = []
    dates = json.loads((shared / "eval" / "docs.json").read_text("utf-8"))
    for f in sorted((shared / "seeds").glob("*.txt")):
        lines = _clean_lines(f.read_text("utf-8"))
        out.append(Article(f.name, "shangrao" if "003" not in f.name else "gannan", dates.get(f.name, ""),
                           lines[0], lines[1:]))
    manifest = {}
    for line in (shared / "corpus" / "manifest.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            manifest[row["file"]] = row
    for f in sorted((shared / "corpus").glob("*/*.txt")):
        rel = f"{f.parent.name}/{f.name}"
        row = manifest.get(rel, {})
        lines = _clean_lines(f.read_text("utf-8"))
        out.append(Article(rel, row.get("paper", f.parent.name), row.get("published", f.name[:10]),
                           lines[0], lines[1:]))
    return out


def _is_caption(line: str) -> bool:
    return len(line) < 40 and "," not in line and "，" not in line


def stories(articles: list[Article], target_chars: int = 900) -> list[Story]:
    """Base stories: short articles whole, long ones cut into sections of ~``target_chars`` characters."""
    out: list[Story] = []
    for art in articles:
        paras = [p for p in art.paragraphs if not _is_caption(p)]
        caps = [p for p in art.paragraphs if _is_caption(p)]
        total = sum(map(len, paras))
        if total < 2 * target_chars:
            out.append(Story(art.name, art.name, art.paper, art.published, art.title, paras, caps[:2]))
            continue
        chunk: list[str] = []
        size = 0
        part = 0
        for p in paras:
            chunk.append(p)
            size += len(p)
            if size >= target_chars:
                out.append(Story(f"{art.name}#{part}", art.name, art.paper, art.published,
                                 f"{art.title}({part + 1})", chunk, caps[part * 2 : part * 2 + 2]))
                chunk, size, part = [], 0, part + 1
        if chunk:
            if size < target_chars / 3 and part:
                out[-1].paragraphs.extend(chunk)
            else:
                out.append(Story(f"{art.name}#{part}", art.name, art.paper, art.published,
                                 f"{art.title}({part + 1})", chunk, caps[part * 2 : part * 2 + 2]))
    return out


def sentences(paragraph: str) -> list[str]:
    return [s for s in SENT_END.split(paragraph) if s]


# ---------------------------------------------------------------------------------------------- edits
def rewrite_sentence(s: str, rng: random.Random) -> str:
    """An editor's re-wording: two or three of synonym swaps, clause swap/drop, a connective, a cut."""
    ops = rng.sample(["syn", "swap", "drop", "conn", "cut"], k=rng.choice([2, 3]))
    for op in ops:
        clauses = [c for c in CLAUSE.split(s) if c]
        if op == "syn":
            pairs = [(a, b) for a, b in SYNONYMS if a in s] + [(b, a) for a, b in SYNONYMS if b in s]
            for a, b in rng.sample(pairs, k=min(2, len(pairs))):
                s = s.replace(a, b, 1)
        elif op == "swap" and len(clauses) >= 3:
            i = rng.randrange(len(clauses) - 2)
            clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
            s = "".join(clauses)
        elif op == "drop" and len(clauses) >= 3:
            del clauses[rng.randrange(1, len(clauses) - 1)]
            s = "".join(clauses)
        elif op == "conn":
            s = rng.choice(CONNECTIVES) + s
        elif op == "cut" and len(s) > 20:
            i = rng.randrange(len(s) - 8)
            if not re.search(r"\d", s[i : i + 6]):
                s = s[:i] + s[i + rng.randint(2, 6) :]
    return s


def rewrite(paragraphs: list[str], share: float, rng: random.Random) -> list[str]:
    """Rewrite or move ``share`` of all sentences (about half each), keeping the figures."""
    sents = [(pi, s) for pi, p in enumerate(paragraphs) for s in sentences(p)]
    k = round(share * len(sents))
    chosen = rng.sample(range(len(sents)), k=k)
    out = [list() for _ in paragraphs]
    moved = []
    for i, (pi, s) in enumerate(sents):
        if i in chosen and rng.random() < 0.5 and len(sents) > 2:
            moved.append(s)
            continue
        out[pi].append(rewrite_sentence(s, rng) if i in chosen else s)
    for s in moved:
        pi = rng.randrange(len(out))
        out[pi].insert(rng.randint(0, len(out[pi])), s)
    return ["".join(p) for p in out if p]


NUM = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?!\d)")
MONTH = re.compile(r"(\d{1,2})(?=月)")


def change_all_figures(text: str, rng: random.Random) -> str:
    """The next bulletin of a template: every month moves on by one, every other number changes."""
    def month(m: re.Match) -> str:
        return str(int(m.group(1)) % 12 + 1)

    def number(m: re.Match) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        if len(whole) == 4 and not frac and m.string[m.end() : m.end() + 1] == "年":
            return whole  # a year stays (the bulletin's year)
        v = float(whole + frac) * rng.uniform(0.6, 1.4)
        if abs(v - float(whole + frac)) < 1e-9 or round(v, len(frac) - 1 if frac else 0) == float(whole + frac):
            v += 1
        return f"{v:.{len(frac) - 1}f}" if frac else str(max(1, round(v)))

    text = MONTH.sub(month, text)
    # numbers that are not months (months were already moved)
    out, pos = [], 0
    for m in NUM.finditer(text):
        out.append(text[pos : m.start()])
        follows = text[m.end() : m.end() + 2].strip()[:1]
        out.append(m.group(0) if follows in ("月", "日", "号") else number(m))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def change_one_figure(text: str, rng: random.Random) -> tuple[str, str, str] | None:
    """A correction: one figure of the running text (not a date, not a range) gets another value."""
    body_from = text.find("\n\n") + 2  # after the headline
    cands = [m for m in NUM.finditer(text, body_from)
             if not re.match(r"\s*[月日年号\-至到~]", text[m.end() : m.end() + 3])
             and len(text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]) >= 40]
    if not cands:
        return None
    m = rng.choice(cands)
    whole, frac = m.group(1), m.group(2) or ""
    if frac:
        new = f"{float(whole + frac) + 0.1:.{len(frac) - 1}f}"
    else:
        new = str(int(whole) + rng.choice([1, 2, 3, 5]))
    return text[: m.start()] + new + text[m.end() :], m.group(0), new


def to_web_layout(text: str, rng: random.Random) -> str:
    """The 客家新闻网/上饶新闻网 copy: ASCII punctuation, byline and footer lines, different spacing."""
    t = text.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")")
    lines = t.splitlines()
    head = lines[:1] + ["", "来源:" + rng.choice(["赣南日报", "上饶日报"]) + "  作者:本报记者 " + "某某"]
    body = ["  " + ln if ln and rng.random() < 0.5 else ln for ln in lines[1:]]
    return "\n".join(head + body + ["编辑:戴文艺 编校:刘敏", "值班主任:明心武"]) + "\n"

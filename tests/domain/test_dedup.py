"""Dedup: normalisation, exact and near duplicates, figures, canonical rule, incrementality.

Texts are written here (short made-up reports in the papers' style) or read from the real articles bundled
with the replica at run time.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from pipelines.domain.dedup import (
    DedupIndex,
    DedupParams,
    Document,
    cluster_documents,
    cluster_jsonl,
    compare_figures,
    dedup_documents,
    exact_hash,
    figure_text,
    normalise,
    signature_from_bytes,
    signature_to_bytes,
)
from pipelines.domain.dedup.canonical import DocMeta, pick_canonical
from pipelines.domain.dedup.minhash import MinHasher, shingle_batch, shingle_hash32, shingles

# The real seeds and corpus as bundled with the replica (a fresh clone has no ../shared).
SHARED = Path(__file__).resolve().parents[2] / "crawlers" / "ganpo_crawlers" / "replica" / "texts"

PARAS = [
    "本报讯 记者王明报道:5月15日,记者从上饶经开区获悉,今年以来,该区坚持项目为王,全力推进重点项目建设,"
    "1至4月共签约项目23个,总投资达186.5亿元,同比增长21.3%。",
    "在晶科能源智慧工厂,一排排自动化生产线正满负荷运转。企业负责人介绍,新建的切片车间投产后,"
    "预计年产值将超过50亿元,可带动就业1200余人。",
    "该区还持续优化营商环境,推行“一窗受理、集成服务”,企业开办时间压缩至1个工作日以内,"
    "为项目落地提供全流程代办服务,全力打造“近悦远来”的发展环境。",
    "下一步,上饶经开区将紧盯光伏、汽车、光学三大主导产业,强化链长制,推动产业链上下游协同发展,"
    "力争全年完成固定资产投资增长10%以上。",
]
OTHER = [
    "本报讯 记者李华报道:连日来,广信区组织农技人员深入田间地头,指导农户做好早稻田间管理,"
    "全区早稻种植面积稳定在12万亩以上,长势良好。",
    "在清水乡示范基地,农技专家向种粮大户讲解病虫害绿色防控技术,现场发放技术资料300余份,"
    "帮助农户解决生产中遇到的实际困难。",
    "据了解,今年广信区将继续落实粮食生产扶持政策,发放耕地地力保护补贴,保障农民种粮收益,"
    "确保粮食播种面积和产量稳中有升。",
]


def story(paras: list[str], title: str = "上饶经开区重点项目建设提速") -> str:
    return title + "\n\n" + "\n".join(paras) + "\n"


# ------------------------------------------------------------------------------------- normalisation
def test_normalise_folds_width_punctuation_space_and_drops_furniture() -> None:
    epaper = story(PARAS) + "编辑:戴文艺 编校:刘敏\n"
    web = (
        story([p.replace(",", "，").replace(":", "：") for p in PARAS], "另一个标题")
        .replace("\n", "\n  ")
        + "来源:上饶日报\n记者 刘凯 摄\n"
    )
    web = web.replace("1至4月", "1至4月")  # unchanged figure
    assert normalise(epaper) == normalise(web)
    assert exact_hash(epaper) == exact_hash(web)
    norm = normalise(epaper)
    assert " " not in norm and "编辑" not in norm and "本报讯" not in norm
    assert "186.5亿元" in norm  # digits are kept: bulletins that differ in figures must not hash alike


def test_normalise_full_width_digits_and_captions() -> None:
    a = story(PARAS[:2])
    b = story(PARAS[:2]).replace("23个", "２３个")
    caption = "晶科能源自动化生产线。"
    c = story([PARAS[0], caption, PARAS[1]])
    assert normalise(a) == normalise(b) == normalise(c)


def test_long_paragraph_starting_with_footer_word_is_kept() -> None:
    para = "记者了解到," + PARAS[1]
    assert para[:5] in normalise(story([para, PARAS[2]]))


def test_empty_texts_are_not_duplicates_of_each_other() -> None:
    out = cluster_documents([Document(1, ""), Document(2, "  \n"), Document(3, story(PARAS))])
    assert [a.cluster for a in out] == [1, 2, 3]


# ------------------------------------------------------------------------------------- minhash
def test_vectorised_signatures_equal_datasketch() -> None:
    texts = [normalise(story(PARAS)), normalise(story(OTHER)), "", "短", "上饶"]
    hasher = MinHasher(64, 3)
    for n in (2, 3, 5):
        batch = shingle_batch(texts, n)
        sigs = hasher.signatures(batch)
        for i, text in enumerate(texts):
            grams = shingles(text, n)
            assert list(batch.of(i)) == [shingle_hash32(g) for g in grams]
            ref = MinHash(num_perm=64, seed=3, hashfunc=shingle_hash32)
            ref.update_batch(grams)
            assert np.array_equal(ref.hashvalues, sigs[i])
        signed, sizes = hasher.sign_texts(texts, n)
        assert np.array_equal(signed, sigs) and list(sizes) == list(batch.sizes())


def test_signature_bytes_round_trip() -> None:
    sig = MinHasher(128, 1).signature(shingle_batch([normalise(story(PARAS))], 3).of(0))
    data = signature_to_bytes(sig)
    assert isinstance(data, bytes) and len(data) == 4 * 128
    back = signature_from_bytes(data)
    assert back.dtype == np.uint32 and np.array_equal(back, sig)


# ------------------------------------------------------------------------------------- exact / near
def test_exact_copy_in_two_layouts_is_one_cluster() -> None:
    a = Document(10, story(PARAS), "2024-05-16", "shangrao", "epaper")
    b = Document(11, story([p.replace(",", "，") for p in PARAS], "新标题") + "来源:上饶日报\n", "2024-05-16",
                 "shangrao", "web")
    out = cluster_documents([a, b])
    assert out[0].cluster == out[1].cluster == 10
    assert out[1].method == "exact" and out[1].similarity == 1.0


def _edit(paras: list[str], rng: random.Random) -> list[str]:
    """Re-word one sentence, cut the last paragraph, swap two clauses."""
    out = list(paras[:-1])
    out[1] = out[1].replace("企业负责人介绍", "据企业负责人介绍").replace("正满负荷运转", "正在满负荷运转")
    clauses = out[2].split(",")
    clauses[0], clauses[1] = clauses[1], clauses[0]
    out[2] = ",".join(clauses)
    return out


def test_near_duplicate_with_edits_joins_cluster() -> None:
    a = Document(1, story(PARAS), "2024-05-16", "shangrao", "epaper")
    b = Document(2, story(_edit(PARAS, random.Random(0)), "重点项目建设跑出加速度"), "2024-05-16", "shangrao", "web")
    res = dedup_documents([a, b])
    by_id = {x.id: x for x in res.assignments}
    assert by_id[2].cluster == 1 and by_id[2].method == "near"
    assert 0.5 <= by_id[2].similarity < 1.0
    assert not res.conflicts


def test_hard_negative_same_topic_shared_paragraph_is_not_duplicate() -> None:
    # two 经开区 reports sharing the stock closing paragraph and the opening formula
    a = story(PARAS[:2] + [PARAS[3]])
    b = story([OTHER[0].replace("广信区", "上饶经开区"), OTHER[2], PARAS[3]])
    out = cluster_documents([Document(1, a), Document(2, b)])
    assert out[0].cluster != out[1].cluster


# ------------------------------------------------------------------------------------- figures (#9)
BULLETIN = (
    "5月份全市经济运行情况\n\n"
    "1-5月,全市规模以上工业增加值同比增长8.2%,增速比1-4月回落0.3个百分点。"
    "全市固定资产投资同比增长6.5%,其中工业投资增长12.4%。"
    "社会消费品零售总额达到512.6亿元,同比增长7.1%。"
    "一般公共预算收入完成168.3亿元,同比增长5.9%,税收占比为71.2%。"
    "全市城镇居民人均可支配收入同比增长5.6%,农村居民人均可支配收入同比增长7.3%。\n"
)


def test_template_bulletin_of_another_month_is_not_duplicate() -> None:
    june = (
        BULLETIN.replace("5月份", "6月份").replace("1-5月", "1-6月").replace("1-4月", "1-5月")
        .replace("8.2%", "8.0%").replace("0.3个", "0.2个").replace("6.5%", "6.1%").replace("12.4%", "11.9%")
        .replace("512.6亿", "618.4亿").replace("7.1%", "7.4%").replace("168.3亿", "201.7亿")
        .replace("5.9%", "6.2%").replace("71.2%", "70.8%").replace("5.6%", "5.5%").replace("7.3%", "7.1%")
    )
    cmp = compare_figures(figure_text(BULLETIN), figure_text(june))
    assert cmp.verdict == "different"
    res = dedup_documents([Document(1, BULLETIN, "2024-06-15"), Document(2, june, "2024-07-15")])
    assert {a.cluster for a in res.assignments} == {1, 2}
    assert [e.method for e in res.edges] == ["distinct"]  # kept as a cannot-link


def test_same_figures_next_month_only_month_changed_is_not_duplicate() -> None:
    moved = BULLETIN.replace("1-5月", "1-6月")
    assert compare_figures(figure_text(BULLETIN), figure_text(moved)).verdict == "different"


def test_one_figure_correction_is_same_cluster_with_conflict() -> None:
    fixed = BULLETIN.replace("512.6亿元", "521.6亿元")
    res = dedup_documents([
        Document(7, BULLETIN, "2024-06-15", "gannan", "epaper"),
        Document(9, fixed, "2024-06-16", "gannan", "epaper"),
    ])
    assert {a.cluster for a in res.assignments} == {7}
    assert len(res.conflicts) == 1
    c = res.conflicts[0]
    assert (c.article_a, c.article_b) == (7, 9)
    assert (c.text_a, c.text_b) == ("512.6亿", "521.6亿")
    assert c.value_a == pytest.approx(512.6e8) and c.value_b == pytest.approx(521.6e8)
    assert BULLETIN[c.start_a : c.end_a] == "512.6亿" and fixed[c.start_b : c.end_b] == "521.6亿"
    assert c.counted_article_id == 9  # the later edition's value counts


def test_edited_copy_cannot_chain_two_bulletins() -> None:
    """A figure-less re-edit resembles both months; the months must still stay apart."""
    june = BULLETIN.replace("1-5月", "1-6月").replace("8.2%", "9.9%").replace("512.6亿", "611.1亿")
    gist = BULLETIN.split("\n\n")[0] + "\n\n" + "".join(
        s for s in BULLETIN.split("\n\n")[1].split("。") if not any(ch.isdigit() for ch in s)
    )
    docs = [Document(1, BULLETIN), Document(2, june), Document(3, BULLETIN + "\n" + gist)]
    clusters = {a.id: a.cluster for a in cluster_documents(docs)}
    assert clusters[1] != clusters[2]


# ------------------------------------------------------------------------------------- canonical
def test_canonical_rule_order() -> None:
    web_early = DocMeta(1, "2024-05-01", "web", 900)
    epaper_late = DocMeta(5, "2024-05-03", "epaper", 800)
    assert pick_canonical([web_early, epaper_late]).id == 5  # e-paper beats web
    a = DocMeta(3, "2024-05-02", "epaper", 800)
    assert pick_canonical([epaper_late, a]).id == 3  # then the earliest edition
    longer = DocMeta(8, "2024-05-02", "epaper", 950)
    assert pick_canonical([a, longer]).id == 8  # then the longer body
    twin = DocMeta(2, "2024-05-02", "epaper", 950)
    assert pick_canonical([longer, twin]).id == 2  # then the smallest id
    assert pick_canonical([DocMeta(4, None, None, 10), DocMeta(6, "2024-01-01", None, 1)]).id == 6


def test_cluster_id_is_smallest_member_and_canonical_follows_rule() -> None:
    docs = [
        Document(3, story(PARAS), "2024-05-16", "gannan", "web"),
        Document(8, story(PARAS) + "编辑:某某\n", "2024-05-16", "gannan", "epaper"),
    ]
    out = cluster_documents(docs)
    assert [(a.cluster, a.canonical) for a in out] == [(3, 8), (3, 8)]


# ------------------------------------------------------------------------------------- incrementality
def _corpus() -> list[Document]:
    rng = random.Random(5)
    docs = []
    for i in range(12):
        base = PARAS if i % 2 else OTHER
        paras = list(base)
        rng.shuffle(paras)
        text = story(paras[: 2 + i % 2], f"稿件{i}")
        if i % 3 == 0:
            text = text.replace("12万亩", f"{12 + i}万亩").replace("186.5亿", f"{186 + i}.5亿")
        docs.append(Document(i, text, f"2024-05-{10 + i % 5:02d}", "shangrao", "epaper" if i % 4 else "web"))
    docs.append(Document(100, BULLETIN, "2024-06-15"))
    docs.append(Document(101, BULLETIN.replace("512.6亿元", "521.6亿元"), "2024-06-16"))
    return docs


def test_two_batches_equal_one_batch_and_rebuild_from_rows() -> None:
    docs = _corpus()
    one = DedupIndex()
    one.add(docs)
    texts = {d.id: d.text for d in docs}

    first, second = docs[::2], docs[1::2]
    idx = DedupIndex()
    r1 = idx.add(first)
    # persist, rebuild from rows only, then add the rest with a text loader
    rebuilt = DedupIndex.from_rows(r1.signatures, r1.edges)
    r2 = rebuilt.add(second, lambda ids: {i: texts[i] for i in ids})
    assert rebuilt.assignments() == one.assignments()
    assert rebuilt.edges() == one.edges()
    assert {x.id for x in r2.assignments} >= {d.id for d in second}

    # re-running a partition changes nothing
    before = rebuilt.assignments()
    again = rebuilt.add(second, lambda ids: {i: texts[i] for i in ids})
    assert not again.signatures and not again.edges and rebuilt.assignments() == before


def test_order_does_not_matter() -> None:
    docs = _corpus()
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    a = {x.id: x for x in cluster_documents(docs)}
    b = {x.id: x for x in cluster_documents(shuffled)}
    assert a == b


def test_changed_text_replaces_old_entry() -> None:
    idx = DedupIndex()
    idx.add([Document(1, story(PARAS)), Document(2, story(PARAS))])
    assert idx.assignments()[1].cluster == 1
    res = idx.add([Document(2, story(OTHER))])
    assert res.replaced == [2]
    assert [a.cluster for a in idx.assignments()] == [1, 2]


def test_from_rows_rejects_other_parameters() -> None:
    rec = dedup_documents([Document(1, story(PARAS))]).signatures[0]
    with pytest.raises(ValueError):
        DedupIndex.from_rows([rec], params=DedupParams(shingle=4))


def test_query_finds_candidates() -> None:
    idx = DedupIndex()
    idx.add([Document(1, story(PARAS)), Document(2, story(OTHER))])
    assert idx.query(story(_edit(PARAS, random.Random(0)))) == [1]


# ------------------------------------------------------------------------------------- CLI contract
def test_cluster_jsonl_contract() -> None:
    lines = [
        json.dumps({"id": "a", "text": story(PARAS), "published": "2024-05-16", "paper": "shangrao"}),
        json.dumps({"id": 7, "text": story(OTHER), "published": "2024-05-16", "paper": "gannan"}),
        "",
        json.dumps({"id": "b", "text": story(PARAS).replace(",", "，"), "published": "2024-05-17",
                    "paper": "gannan"}),
    ]
    out = [json.loads(x) for x in cluster_jsonl(lines)]
    assert out == [
        {"id": "a", "cluster": "a", "canonical": "a"},
        {"id": 7, "cluster": 7, "canonical": 7},
        {"id": "b", "cluster": "a", "canonical": "a"},
    ]


def test_real_seed_articles_stay_apart_and_copies_join() -> None:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*/*.txt"))
    docs = [Document(i, f.read_text("utf-8")) for i, f in enumerate(files)]
    copies = [Document(100 + d.id, d.text.replace(",", "，") + "\n编辑:某某\n") for d in docs[:3]]
    out = {a.id: a.cluster for a in cluster_documents(docs + copies)}
    assert len({out[d.id] for d in docs}) == len(docs)
    assert all(out[100 + i] == i for i in range(3))


def test_index_built_from_candidate_rows_only_gives_the_same_clusters() -> None:
    """The asset's way: load only the rows sharing a bucket/hash with the new articles (and their
    components), not the whole table."""
    from pipelines.domain.dedup import signature_buckets

    docs = _corpus()
    old, new = docs[:-4], docs[-4:]
    texts = {d.id: d.text for d in docs}
    stored = DedupIndex()
    stored.add(old)
    rows = {r.article_id: r for r in (stored.signature_record(d.id) for d in old)}
    edges = stored.edges()
    probe = dedup_documents(new).signatures
    wanted = {b for r in probe for b in signature_buckets(r.signature)}
    hashes = {r.exact_hash for r in probe}
    seeds = {a for a, r in rows.items() if wanted & set(signature_buckets(r.signature)) or r.exact_hash in hashes}
    component = set(seeds)
    grew = True
    while grew:  # closure over stored edges, like the recursive SQL
        more = {x for e in edges if e.a in component or e.b in component for x in (e.a, e.b)}
        grew = not more <= component
        component |= more
    subset = DedupIndex.from_rows([rows[a] for a in component], [e for e in edges if e.a in component])
    res = subset.add(new, lambda ids: {i: texts[i] for i in ids})
    whole = {a.id: a for a in cluster_documents(docs)}
    for a in res.assignments:
        assert a == whole[a.id]

"""Text the rules were not written for: random mixes of the phrases they read never make them raise, and every
figure's span indexes the input as given."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys

import pytest

from pipelines.domain.indicators import extract

# Phrases of every rule family (periods, subjects, verbs, numbers and units, lists, markup), mixed at random.
PIECES = (
    "截至三季度末", "截至6月底", "今年以来", "前三季度", "1-9月", "上半年", "去年", "2023年", "二〇二二年", "今年底",
    "国庆假期", "春节假期", "一年来", "眼下", "全市", "该区", "我市", "全县", "该镇", "湖塘村", "江湾镇", "上饶经开区",
    "赣州市", "信丰县", "晶科能源", "该公司", "合作社", "景区", "实现", "完成", "增长", "下降", "同比增长", "环比下降",
    "比年初增加", "由", "增加到", "分别", "分别为", "其中", "占比", "占全市", "的", "12.5%", "3.2亿元", "1,256家",
    "三千二百万元", "两", "十余个", "近百台", "30-50亿元", "6至7万方", "第3位", "全省第一", "前列", "1.2个百分点",
    "300千瓦", "3千万元", "5万吨", "12GW", "8万亩", "每10股", "第三个年头", "力争", "预计", "将", "建成后", "项目",
    "总投资", "，", "。", "；", "、", "：", "（", "）", "“", "”", "\n", " ", "1.", "一、", "<p>", "</p>", "——", "…",
    "%", "亿", "万", "元", "个", "家", "年", "月", "日",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_random_mixes_never_raise_and_spans_index_the_input(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 60)))
        day = dt.date(rng.randrange(2018, 2027), rng.randrange(1, 13), rng.randrange(1, 28))
        for ind in extract(text, day, rng.choice([None, "上饶市", "赣州市"])):
            assert text[ind.start : ind.end] == ind.text


@pytest.mark.parametrize(
    "text",
    [
        # which of two villages, named equally often, an article is about
        "宁都县：村村有产业\n冬日的宁都县黄陂镇东坑村，果园里一片繁忙。“今年的320亩脐橙全面挂果，收入能有120万元。”\n"
        "东山坝镇西坑村则在蔬菜上做文章。该村流转土地450亩。\n东坑村、西坑村均已脱贫。",
        # which of two companies, called by short names equally often, an article is about
        "玉山县工业园区见闻\n江西恒锐精密机械有限公司的车间里机器轰鸣。江西雅博体育用品有限公司的展厅里客商云集。\n"
        "恒锐精密今年新增订单。雅博体育开拓海外市场。\n今年以来，园区新申请发明专利11项。",
    ],
)
def test_the_same_text_gives_the_same_records_in_every_process(text: str) -> None:
    # Python salts str hashes per process: nothing the rules pick may depend on a set's order
    code = (
        "import datetime as dt, json, sys\n"
        "from pipelines.domain.indicators import extract\n"
        "print(json.dumps([list(i) for i in extract(sys.argv[1], dt.date(2024, 1, 5))], default=str))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, text], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(8)
    }
    assert len(runs) == 1 and json.loads(runs.pop())


@pytest.mark.parametrize(
    "text",
    [
        "该区建立“链长制”，由1名区领导牵头、1个专班服务、1张图谱招商。",
        "县四套班子领导挂点联系企业。",
    ],
)
def test_ways_of_working_and_leading_bodies_are_no_figures(text: str) -> None:
    assert extract(text, dt.date(2023, 8, 16)) == []


@pytest.mark.parametrize("text", ["总投资6亿元的三台山文旅综合体开工。", "从八大类看，食品烟酒类价格上涨。"])
def test_a_numeral_in_a_name_or_a_breakdown_is_no_figure(text: str) -> None:
    assert [i.text for i in extract(text, dt.date(2023, 8, 16))] == (["6亿元"] if "6亿元" in text else [])


def test_counts_of_one_that_are_no_list_stay_figures() -> None:
    got = [i.text for i in extract("园区新增1家上市公司，引进1个新能源项目。", dt.date(2023, 8, 16))]
    assert got == ["1家", "1个"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年新增国家级专精特新企业1家、省级1家、市级1家。", ["1家", "1家", "1家"]),  # counts of what was added
        ("由1名区领导牵头、1个专班服务、1张图谱招商，目前已引进1个项目。", ["1个"]),  # the run, then a figure
        ("新建三座桥，治理五条河。", ["三座", "五条"]),  # counted places, no names
        ("工期缩短30天节约资金200万元。", ["30天", "200万元"]),  # a duration changed is a figure
    ],
)
def test_rules_for_what_is_no_figure_keep_what_is(text: str, expected: list[str]) -> None:
    assert [i.text for i in extract(text, dt.date(2024, 5, 1))] == expected


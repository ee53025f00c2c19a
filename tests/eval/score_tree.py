"""The place tree of a real archive, judged against official divisions and labelled addresses.

Bulletin pages (numbered lists of labelled addresses under one headline) are imported with the
`newspaper` pages, so the tree holds the places both kinds of page name. Whether a node is a real
division and whether a parent link is right are asked of `viewer.places.gazetteer` (imported
lazily: it may not exist yet, and then those two figures are "n/a"). For names the gazetteer
lacks, a link is right if some labelled address puts the parent above the child; a community or
village is also looked up among the gazetteer's villages when it has them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from tests.eval.data import Address, Corpus
from tests.eval.pages import Item, Page, assemble, layout_rows
from tests.eval.score_places import ADMIN_LEVELS

BULLETIN_HEADS = (
    "关于公布第二批老旧小区改造名单的通知",
    "关于第三批新能源汽车充电设施建设点位的公示",
    "本年度垃圾分类示范小区名单",
    "关于公布新增便民服务网点地址的公告",
)
PER_BULLETIN = 15
UNASSIGNED = "unassigned"
REAL_KINDS = ("province", "city", "district", "county", "street", "town", "township")
KINDS = (*REAL_KINDS, "community", "village", UNASSIGNED)
# Province-level divisions by full and short name (for "what is the top level made of").
# fmt: off
_PROVINCES = (
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
    "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
)
_OTHERS = (
    "北京市", "天津市", "上海市", "重庆市", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
# fmt: on
PROVINCIAL = {*_PROVINCES, *(p + "省" for p in _PROVINCES), *_OTHERS}
PROVINCIAL |= {n[:3] if n.startswith(("内蒙古", "黑龙江")) else n[:2] for n in _OTHERS}


def bulletin_pages(corpus: Corpus, limit: int | None = None) -> Iterator[Page]:
    """Numbered address lists, PER_BULLETIN to a page, one story each (no stated date)."""
    rng = random.Random(f"{corpus.part}:bulletin")
    addresses = corpus.addresses[:limit]
    for n, start in enumerate(range(0, len(addresses), PER_BULLETIN)):
        chunk = addresses[start : start + PER_BULLETIN]
        mark = rng.choice(("{}．", "{}、", "（{}）"))
        headline = rng.choice(BULLETIN_HEADS)
        listed = [mark.format(i + 1) + a.text.strip() for i, a in enumerate(chunk)]
        item = Item(
            lines=[headline, "各有关单位：", "现将名单公布如下：", *listed, "特此通知。"],
            headline=headline,
            kind="bulletin",
            runs=[(3, 3 + len(listed))],
            source="address",
        )
        rows = layout_rows([item], rng.choice(("blank", "dense")), rng)
        yield assemble(rows, [item], name=f"b{n:03d}", layout="bulletin", part=corpus.part, date="")


def attested_pairs(addresses: Iterable[Address]) -> set[tuple[str, str]]:
    """(parent, child) names for every labelled admin span above another in one address."""
    rank = {level: i for i, level in enumerate(ADMIN_LEVELS)}
    pairs = set()
    for address in addresses:
        admin = [(rank[label], address.text[s:e]) for label, s, e in address.spans if label in rank]
        for r1, upper in admin:
            for r2, lower in admin:
                if r1 < r2 and upper != lower:
                    pairs.add((upper, lower))
    return pairs


def load_gazetteer() -> tuple[Any, str]:
    """(gazetteer, "ok") or (None, why not). Any failure of a module still being written counts
    as "not there yet"."""
    try:
        from viewer.places import gazetteer
    except ImportError as error:
        return None, f"n/a ({error})"
    try:
        return gazetteer.load(), "ok"
    except Exception as error:
        return None, f"n/a ({type(error).__name__}: {error})"


VILLAGE_KINDS = ("community", "village")


def _divisions(gaz: Any, name: str, kind: str = "") -> list:
    """Divisions called `name`: by official or short name (levels 1-4), and for a community or
    village node also among the villages (level 5), when the gazetteer offers them."""
    found = list(gaz.by_name(name)) + list(gaz.by_short(name))
    villages = getattr(gaz, "villages", None)
    if kind in VILLAGE_KINDS and villages is not None:
        found += list(villages(name))
    return found


def _walk(nodes: Iterable, parent: Any = None) -> Iterator[tuple[Any, Any]]:
    for node in nodes:
        yield node, parent
        yield from _walk(node.children, node)


def score_tree(roots: list, gaz: Any, attested: set[tuple[str, str]], top: int = 30) -> dict:
    """Counts per kind, share of real divisions, parent links right / judged, the top level."""
    kinds: Counter[str] = Counter()
    real = checked = 0
    non_real: list[str] = []
    links: Counter[str] = Counter()
    wrong: list[str] = []
    for node, parent in _walk(roots):
        kinds[node.kind] += 1
        if gaz is not None and node.kind in REAL_KINDS:
            checked += 1
            if _divisions(gaz, node.name):
                real += 1
            elif len(non_real) < top:
                non_real.append(f"{node.name} ({node.kind})")
        if parent is None or UNASSIGNED in (node.kind, parent.kind):
            continue
        links["edges"] += 1
        verdict = _judge(gaz, parent, node, attested)
        links[verdict] += 1
        # The gazetteer is of 2023; the news and addresses are older (九堡镇 became 九堡街道,
        # 江干区 was merged away), so a name can match only a namesake elsewhere. Count how many
        # "wrong" links a real address nonetheless attests.
        seen = (parent.name, node.name) in attested
        links["wrong-attested"] += verdict == "wrong" and seen
        if verdict == "wrong" and len(wrong) < top:
            note = " [an address attests it]" if seen else ""
            wrong.append(f"{node.name} ({node.kind}) → {parent.name} ({parent.kind}){note}")
    judged = links["right"] + links["wrong"]
    root_kinds = Counter(r.kind for r in roots)
    return {
        "nodes": sum(kinds.values()),
        "by_kind": {**dict.fromkeys(KINDS, 0), **kinds},
        "real_share": real / checked if gaz is not None and checked else None,
        "real_checked": checked if gaz is not None else None,
        "non_real": non_real,
        "link_accuracy": links["right"] / judged if gaz is not None and judged else None,
        "links": {
            **{k: links[k] for k in ("edges", "right", "wrong", "unjudged")},
            "judged": judged,
            "wrong_attested": links["wrong-attested"] if gaz is not None else None,
        },
        "links_attested": links["right-attested"] if gaz is None else None,
        "wrong_links": wrong,
        "roots": len(roots),
        "root_kinds": dict(root_kinds),
        "roots_provincial": sum(1 for r in roots if r.name in PROVINCIAL),
    }


def _judge(gaz: Any, parent: Any, child: Any, attested: set[tuple[str, str]]) -> str:
    """right / wrong / unjudged (see the module docstring). Without a gazetteer only the
    addresses can speak, and what they attest is counted apart ("right-attested")."""
    pair = (parent.name, child.name)
    if gaz is not None:
        uppers = _divisions(gaz, parent.name, parent.kind)
        lowers = _divisions(gaz, child.name, child.kind)
        if uppers and lowers:
            inside = any(gaz.contains(u.code, c.code) for u in uppers for c in lowers)
            return "right" if inside else "wrong"
        return "right" if pair in attested else "unjudged"
    return "right-attested" if pair in attested else "unjudged"

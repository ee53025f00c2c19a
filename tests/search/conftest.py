"""Documents for the search tests: the seed pages cut crudely into paragraph stories, plus
invented pages in the seeds' style (other names, places and numbers, full-width digits,
Chinese numerals), and one index of all of them shared by a test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer import segmenter
from viewer.search import IndexDoc, SearchIndex

INVENTED = {
    901: IndexDoc(
        story_id=901,
        title="钟埭街道青枫社区：把服务送到居民家门口",
        kicker="基层治理",
        subtitle="",
        body=(
            "３月１２日，记者来到钟埭街道青枫社区，社区党委书记陈美玲正在接待来访群众。"
            "青枫社区有８个小区楼院，２４００户７１００余人，直管党员４６名。\n"
            "“社区的事再小也是大事。”陈美玲说。二〇一九年以来，社区先后开展“邻里守望”"
            "志愿服务活动４０余场次，为辖区老人免费义诊１２次。\n"
            "记者 周海涛 通讯员 郭文静"
        ),
        kind="article",
        date="2021-03-14",
        years=[2019, 2021],
        places=["钟埭街道", "青枫社区"],
        rev="a1",
    ),
    902: IndexDoc(
        story_id=902,
        title="新埭镇：大棚蔬菜鼓起村民钱袋子",
        kicker="",
        subtitle="东岭村投资120万元建设蔬菜大棚30座",
        body=(
            "2021年5月，新埭镇东岭村投资120万元建设蔬菜大棚30座，带动村民增收。"
            "ＡＢＣ２０２０合作社负责人刘建国介绍说，大棚蔬菜每亩收入可达1.5万元，"
            "增长了8.6%。咨询电话：0371-64128800。"
        ),
        kind="article",
        date="2021-05-20",
        years=[2021],
        places=["新埭镇", "东岭村"],
        rev="b1",
    ),
    903: IndexDoc(
        story_id=903,
        title="",
        kicker="社区动态",
        subtitle="",
        body=(
            "本报讯 近日，枫林社区联合辖区卫生院开展“关爱老人 义诊进社区”活动，"
            "为６０余名老人测量血压、血糖。(韩 梅)"
        ),
        kind="brief",
        date="",
        years=[2018],
        places=["枫林社区"],
        rev="c1",
    ),
    904: IndexDoc(
        story_id=904,
        title="青年大学生暑期到社区实践",
        kicker="",
        subtitle="",
        body=(
            "七月，二十名大学生志愿者来到南湾社区，协助社区开展人口信息登记、"
            "垃圾分类宣传等工作。abc2020 团队还为孩子们上了一堂科普课。"
        ),
        kind="column",
        date="",
        years=[],
        places=["南湾社区"],
        rev="d1",
    ),
    905: IndexDoc(
        story_id=905,
        title="老党员的心愿",
        kicker="",
        subtitle="",
        body=(
            "八十二岁的老党员孟庆山年轻时考上了大学，毕业后回到家乡教书四十年。"
            "他说：“只要身体允许，我就为群众多做一点事。”1998年，他把积蓄捐给了村小学。"
        ),
        kind="article",
        date="2019-07-01",
        years=[1998, 2019],
        places=["白杨村"],
        rev="e1",
    ),
}


def seed_docs(seed_texts: dict[str, str]) -> list[IndexDoc]:
    """Every blank-line-separated block of every seed page as a story; a short first line
    becomes the title. Story ids 1..n in page order."""
    docs: list[IndexDoc] = []
    for key in sorted(seed_texts):
        for block in seed_texts[key].split("\n\n"):
            lines = [line for line in block.strip().splitlines() if line.strip()]
            if not lines:
                continue
            title = ""
            if len(lines) > 1 and len(lines[0]) <= 30:
                title, lines = lines[0], lines[1:]
            story_id = len(docs) + 1
            docs.append(
                IndexDoc(
                    story_id=story_id,
                    title=title,
                    kicker="",
                    subtitle="",
                    body="\n".join(lines),
                    kind="brief" if len("".join(lines)) < 200 else "article",
                    date=f"2020-{int(key) + 6:02d}-{story_id % 28 + 1:02d}" if story_id % 3 else "",
                    years=[2020] if story_id % 2 else [],
                    places=[f"测试地{story_id % 4}"],
                    rev=f"r{story_id}",
                )
            )
    return docs


def all_docs(seed_texts: dict[str, str]) -> list[IndexDoc]:
    return seed_docs(seed_texts) + list(INVENTED.values())


@pytest.fixture(scope="session")
def jieba_ready(jieba_cache: Path) -> None:
    """Load jieba once, with its cache in the test folder: module-scoped fixtures run before the
    function-scoped autouse fixture that points VIEWER_CACHE there."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VIEWER_CACHE", str(jieba_cache))
        segmenter.tokenizer()


@pytest.fixture(scope="module")
def corpus(seed_texts: dict[str, str]) -> list[IndexDoc]:
    return all_docs(seed_texts)


@pytest.fixture(scope="module")
def index(
    corpus: list[IndexDoc], tmp_path_factory: pytest.TempPathFactory, jieba_ready: None
) -> Iterator[SearchIndex]:
    """One index of the corpus, committed in two batches (so it has more than one segment)."""
    path: Path = tmp_path_factory.mktemp("index")
    ix = SearchIndex.open(path)
    half = len(corpus) // 2
    ix.add(corpus[:half])
    ix.commit()
    ix.add(corpus[half:])
    ix.commit()
    yield ix
    ix.close()

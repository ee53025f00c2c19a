"""Properties over random and garbled pages: split_page never raises and loses nothing."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.ingest import split_page
from viewer.model import STORY_KINDS

# Pieces real pages are made of, so random pages exercise every rule, not only the body path.
PIECES = [
    "柳塘社区： 开展义诊活动",
    "红色东林",
    "开栏语:",
    "社区动态",
    "党群服务中心",
    "——2021年度系列报道",
    "一、加强组织领导",
    "（记者 郑　明 通讯员 程晓燕）",
    "(李 莉)",
    "雷 洁摄",
    "本报通讯员撰",
    "记者 周明远 东林时报 贺小雨 文/图",
    "本报讯 7月8日，青石村组织村干部开展演练。",
    "社区组织志愿者开展环境整治活动，清理楼道杂物。",
    "走进社区便民服务中心,记者看到工作人员正为",
    "居民办理业务。(记者 孙畅 通讯员 赵爽)",
    "位于中心路9号院(某某小区对面)，联系电话:68115977",
    "招租",
    "截至目前社区10项民生",
    "",
    " ",
    "\u3000",
    "\r",
    "（",
    "）",
    "。",
    "“",
]

lines = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=30)),
    max_size=40,
).map(lambda parts: "\n".join(parts))


def _check(text: str) -> None:
    stories = split_page(text)
    if not stories:
        assert not text.strip()
        return
    assert stories[0].source_start == 0
    assert stories[-1].source_end == len(text)
    for before, after in itertools.pairwise(stories):
        assert before.source_end == after.source_start
    for seq, story in enumerate(stories):
        assert story.seq == seq
        assert story.source_start < story.source_end
        assert story.kind in STORY_KINDS
        piece = text[story.source_start : story.source_end]
        assert story.title in piece and story.kicker in piece
        body_lines = story.body.split("\n") if story.body else []
        assert all(head in body_lines for head in story.subheads)
        assert all(hidden for hidden in story.hidden)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_pages_built_from_real_pieces(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text):
    _check(text)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_garbled_seed_pages(seed_texts, data):
    """Seeds with stretches cut out, repeated or moved: the way OCR and exports damage pages."""
    text = data.draw(st.sampled_from(sorted(seed_texts.values())))
    for _ in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, min(len(text), a + 400)))
        action = data.draw(st.sampled_from(["cut", "repeat", "newline", "crlf"]))
        if action == "cut":
            text = text[:a] + text[b:]
        elif action == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif action == "newline":
            text = text[:a] + "\n\n" + text[a:]
        else:
            text = text[:a] + "\r\n" + text[a:]
    _check(text)

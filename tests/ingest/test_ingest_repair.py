"""OCR repair: joining cut paragraphs and hiding repeated sentences."""

from __future__ import annotations

from viewer.ingest.repair import hide_duplicates, join_cut_paragraphs


def test_cut_paragraphs_join_without_separator():
    parts = [
        (False, "确保做到“区不漏房、房不漏户、户不漏"),
        (False, "人、人不漏项”。"),
        (False, "社区组织消防演练、减灾防灾培训、演练等"),
        (False, "活动。为居民发放手册。"),
        (False, "基本上10分钟左右就可以登记完,"),
        (False, "但有些一户有六七个人。"),
        (False, "截至目前社区10"),
        (False, "项民生实事已完成。"),
    ]
    assert join_cut_paragraphs(parts) == [
        (False, "确保做到“区不漏房、房不漏户、户不漏人、人不漏项”。"),
        (False, "社区组织消防演练、减灾防灾培训、演练等活动。为居民发放手册。"),
        (False, "基本上10分钟左右就可以登记完,但有些一户有六七个人。"),
        (False, "截至目前社区10项民生实事已完成。"),
    ]


def test_never_join_into_or_out_of_a_subhead_or_after_a_full_stop():
    parts = [
        (False, "社区建起了党群服务"),
        (True, "服务中心"),
        (False, "居民可以直接坐在工作人员旁边"),
        (False, "这是新的一段。"),
        (False, "这也是。"),
        (False, "他说：“好。”"),
        (False, "下一段"),
    ]
    assert join_cut_paragraphs(parts) == [
        (False, "社区建起了党群服务"),
        (True, "服务中心"),
        (False, "居民可以直接坐在工作人员旁边这是新的一段。"),
        (False, "这也是。"),
        (False, "他说：“好。”"),
        (False, "下一段"),
    ]


def test_repeated_sentences_are_hidden_across_stories():
    first = [(False, "社区筹资5000元完善直播设施并组织培训。截至目前社区10项民生实事已完成8项。")]
    second = [
        (True, "社区筹资5000元完善直播设施并组织培训。"),  # subheads are never touched
        (False, "截至6月底收入2167万元;社区筹资5000元完善直播设施并组织培训。截至目前社区10项民生"),
    ]
    (kept1, hidden1), (kept2, hidden2) = hide_duplicates([first, second])
    assert kept1 == first and hidden1 == []
    assert kept2 == [second[0], (False, "截至6月底收入2167万元;")]
    assert hidden2 == ["社区筹资5000元完善直播设施并组织培训。", "截至目前社区10项民生"]


def test_short_repeats_and_near_repeats_stay():
    parts = [
        (False, "邻里和睦。气氛融洽。社区开展义诊活动为老人测血压。"),
        (False, "邻里和睦。气氛融洽。社区开展义诊活动为老人量血压。"),
    ]
    ((kept, hidden),) = hide_duplicates([parts])
    assert kept == parts
    assert hidden == []


def test_a_paragraph_made_only_of_repeats_disappears():
    parts = [
        (False, "这一句足够长可以算作重复的句子。"),
        (False, "这一句足够长可以算作重复的句子。"),
    ]
    ((kept, hidden),) = hide_duplicates([parts])
    assert kept == parts[:1]
    assert hidden == ["这一句足够长可以算作重复的句子。"]

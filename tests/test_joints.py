"""viewer.joints: the page text around the places ingest cut a line apart."""

from __future__ import annotations

from viewer.joints import MAX_CUT_LINES, REACH, joints


def test_a_dateline_cut_off_its_paragraph_keeps_the_text_across_the_cut():
    original = "春耕\n新华社南昌３月７日电（记者 葛文澜）连日来，各地抢抓农时。\n"
    visible = ["", "春耕", "", "新华社南昌３月７日电 （记者 葛文澜）", "连日来，各地抢抓农时。"]
    found = joints(original, visible)
    assert "7日电(记者" in "".join(found)  # folded, between the dateline's two parts
    assert any("葛文澜)连日来" in joint for joint in found)
    assert all(len(joint) <= 2 * REACH for joint in found)


def test_lines_held_whole_and_page_furniture_give_nothing():
    visible = ["", "春耕", "", "", "连日来，各地抢抓农时。\n田间一派繁忙。"]
    assert joints("春耕\n连日来，各地抢抓农时。\n田间一派繁忙。", visible) == []
    assert joints("临川日报 2022年3月8日\n春耕\n", visible) == []  # letters no text holds


def test_dashes_the_texts_dropped_are_a_piece_of_their_own():
    assert joints("——2020年度系列报道\n", ["", "题", "2020年度系列报道", "", "正文"]) == [
        "——2020年度系"
    ]


def test_a_story_of_many_cut_lines_stops_at_the_cap():
    lines = [f"本报讯（记者 张三）第{i}条消息。" for i in range(MAX_CUT_LINES * 2)]
    visible = ["", "", "", "本报讯 （记者 张三）", "\n".join(line[10:] for line in lines)]
    found = joints("\n".join(lines), visible)
    assert found and len(found) <= 2 * MAX_CUT_LINES


def test_a_hidden_repeat_in_a_cut_line_is_a_break_not_a_reason_to_skip_the_line():
    original = "本报讯（记者 张三）今天开馆。藏书三千余册。\n"
    visible = ["", "", "", "本报讯 （记者 张三）", "今天开馆。"]
    found = joints(original, visible, hidden=["藏书三千余册。"])
    assert any("张三)今天" in joint for joint in found)
    assert joints(original, visible) == []  # 藏, in no text, marks the line as furniture

"""Is there a Chinese personal name here, and where does it end? Generic data only: common
surnames, honorifics, and characters that cannot start a given name.

Names are surname + one or two characters. Whether the third character still belongs to the
name is decided from what follows (a function word or a dictionary word starting there means
the name has ended), because jieba itself often splits unknown names wrongly.
"""

from __future__ import annotations

from viewer.facts import words
from viewer.facts.vocab import word_list

# Common single-character surnames. Left out on purpose: characters that are far more often a
# function word or the start of an everyday word than a surname (和 时 向 将 从 于是 ...), except 于
# and a few others that the dictionary checks below keep in line.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳穆司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师"
    "仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟"
    "冼蔺闻厉伊仝郜阚权帅屠豆朴练廉禹井祖漆巴丰卿狄计索宣晋初扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓修"
    "邰赫杭况宿逯隆茹慕郗习蔚濮宓糜桓忻嵇庾郦荀竺宦韶钮尉雒官贲笪隗訾鄂蒯缑"
)
COMPOUND_SURNAMES = word_list(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 独孤 "
    "呼延 轩辕 钟离 闻人 澹台 公冶 太史 申屠 百里 东郭 万俟"
)
# Surnames that also begin very many ordinary phrases; speech-verb guessing (X说) skips them.
RISKY_SURNAMES = frozenset("于文万安方常成白金石江高马毛龙武严温关申章齐易包宁尚单季路管华解司古")
SPEECH_SURNAMES = SURNAMES - RISKY_SURNAMES

# After a surname these make a form of address, not a name (李大爷, 张先生, 袁教官).
HONORIFICS = word_list(
    "先生 女士 小姐 大爷 大妈 大娘 大婶 大姐 大哥 大叔 大伯 阿姨 奶奶 爷爷 婆婆 师傅 老师 同志 "
    "教官 书记 主任 经理 局长 队长 所长 院长 校长 警官 医生 大夫 护士 总 老 姓 家 氏 某"
)
HONORIFIC_PREFIXES = tuple(HONORIFICS)
# 某 followed by these is "some ...", not an anonymised name (对于某些, 基于某种).
_NOT_ANONYMOUS = tuple(word_list("某些 某种 某个 某项 某地 某处 某位 某家 某人 某天 某时 某样"))
# Characters that cannot be the first character of a given name.
NOT_GIVEN_START = frozenset(
    "们的了着过在是和与及或等说也都就又还把被将对向从给让到来去这那其此各每个位名年月日时天"
    "里上下内外中前后间边者员长啊吗呢吧呀哦嘛、,.:;!?()“”《》—- \n\t0123456789"
)
# Single-character words that end a two-character name (傅强为全校师生, 王伟说).
ENDS_NAME = frozenset(
    "为在说和与及的了是等正也都就又还把被将对向从给让到来去们则却便才已曾要会能跟同于讲道称"
)
# Kinship and everyday words that begin with a surname character and would pass as names.
NOT_NAMES = frozenset(
    word_list("孙子 孙女 孙辈 高兴 高度 王国 周边 周末 周年 黄金 金额 江河 方向 常常")
)


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def surname_length(text: str, pos: int, surnames: frozenset[str] = SURNAMES) -> int:
    """2 for a compound surname at `pos`, 1 for a single one, 0 for none."""
    if text[pos : pos + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[pos : pos + 1] in surnames else 0


def anonymised_end(text: str, pos: int) -> int | None:
    """End of 孙某 / 钱某某 at `pos` (newspapers' stand-in for a real person), else None."""
    if text[pos : pos + 1] not in SURNAMES or text[pos + 1 : pos + 2] != "某":
        return None
    if text.startswith(_NOT_ANONYMOUS, pos + 1):
        return None
    end = pos + 3 if text[pos + 2 : pos + 3] == "某" else pos + 2
    # 于某 after 对/关/由 ... is the preposition 于, not a surname.
    if text[pos] == "于" and pos > 0 and is_cjk(text[pos - 1]):
        return None
    return end


def name_end(text: str, pos: int, surnames: frozenset[str] = SURNAMES) -> int | None:
    """End offset of a personal name starting at `pos`, or None when there is none."""
    anonymous = anonymised_end(text, pos)
    if anonymous is not None:
        return anonymous
    size = surname_length(text, pos, surnames)
    if not size:
        return None
    given = pos + size
    first = text[given : given + 1]
    if not first or not is_cjk(first) or first in NOT_GIVEN_START:
        return None
    if text.startswith(HONORIFIC_PREFIXES, given):
        return None
    # A dictionary word that starts at the given name and runs past a three-character name
    # (任 + 业委会) means there is no name here at all.
    for length in (3, 4):
        ahead = text[given : given + length]
        if len(ahead) == length and words.frequency(ahead):
            return None
    second = text[given + 1 : given + 2]
    if (
        not second
        or not is_cjk(second)
        or second in ENDS_NAME
        or words.is_common_word(text[given + 1 : given + 3])
    ):
        end = given + 1
    else:
        end = given + 2
    name = text[pos:end]
    if name in NOT_NAMES or words.is_everyday_word(name):
        return None
    if end - pos == 3 and words.is_common_word(text[pos : pos + 2]):  # 马上上报 is not a name
        return None
    return end


def name_start_before(text: str, end: int) -> int | None:
    """Start of a name that ends exactly at `end` (just before a speech verb), or None.

    Uses the stricter surname list, and refuses a start whose character also ends the word
    before it (主任王明说: 任 belongs to 主任, so the name is 王明)."""
    for start in (end - 3, end - 2, end - 4):
        if start < 0:
            continue
        if name_end(text, start, SPEECH_SURNAMES) != end:
            continue
        if start > 0 and words.is_common_word(text[start - 1 : start + 1]):
            continue
        return start
    return None


def is_cjk_name_token(token: str) -> bool:
    """A byline token that can be a name: 2-4 Chinese characters (冉静, 欧阳晓明)."""
    return 2 <= len(token) <= 4 and all(is_cjk(c) for c in token)

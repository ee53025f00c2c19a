"""What kind of item a story is: article, brief, caption, advertisement or column."""

from __future__ import annotations

import re

from viewer.ingest.vocab import AD_WORDS, OPINION_COLUMNS
from viewer.text import fold_keep_case

# Mobile, landline with area code, or a bare 7-8 digit local number (not an amount: 3100万元).
_PHONE = re.compile(r"(?<![\d.])(?:1[3-9]\d{9}|0\d{2,3}[-－—]?\d{7,8}|\d{7,8})(?![\d.万亿元%])")
_CONTACT = re.compile("联系电话|联系人|咨询电话|电话[:：]|热线")
MAX_AD = 600  # characters; an advertisement is a short block
MAX_CAPTION = 200
MAX_BRIEF = 100


def story_kind(*, kicker: str, title: str, body: str, has_credits: bool, photo: bool) -> str:
    """One of viewer.model.STORY_KINDS."""
    if not has_credits and is_advertisement(kicker + title, body):
        return "ad"
    if photo and (not title or len(body) <= MAX_CAPTION):
        return "caption"
    if kicker and any(word in kicker for word in OPINION_COLUMNS):
        return "column"
    if not title or len(body) < MAX_BRIEF:
        return "brief"
    return "article"


def is_advertisement(heading: str, body: str) -> bool:
    """A short block with a phone number that calls itself 招租/招聘/… up front, or that gives a
    contact and uses an advertising word anywhere. A contact line alone is not enough: news
    stories often end with a service number (咨询电话:…)."""
    if len(body) > MAX_AD or not has_phone(body):
        return False
    if is_ad_heading(heading + body[:40]):
        return True
    return bool(_CONTACT.search(body)) and is_ad_heading(body)


def is_ad_heading(text: str) -> bool:
    return any(word in text for word in AD_WORDS)


def has_phone(text: str) -> bool:
    return bool(_PHONE.search(fold_keep_case(text)))

"""Chinese sort order: a pinyin key for names, units and teams (「按拼音排序」).

SQLite and PostgreSQL both sort text by code point, which files 陈 after 周. Rather
than collations (different on every backend), each named record keeps a plain text
column `name_key` holding its name in pinyin with tone numbers ("liu2 yang2"), filled
whenever the name is set (`app.db.models` uses `@validates`, so forms, imports, the
demo and batch undo all go through it) and indexed; lists and exports sort by it.

A person's name starts with a surname, and surnames have readings of their own: 单 is
Shàn, not dān; 曾 is Zēng, not céng. pypinyin reads characters by their commonest
reading, so the first character of a person's name goes through `SURNAMES` first
(Excel's character-table order gets these wrong). Unit and team names are read as
ordinary words (phrases such as 长沙 come out right from pypinyin's phrase table).

pypinyin is imported on the first key asked (its phrase table takes a third of a
second to load): opening a ledger and reading it need none, only writing a name does.
"""

from __future__ import annotations

KEY_LENGTH = 200  # the column's length; a key longer than this is cut (order kept)

# Surnames whose reading differs from the character's commonest one.
SURNAMES: dict[str, str] = {
    "单": "shan4",
    "解": "xie4",
    "区": "ou1",
    "曾": "zeng1",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "盖": "ge3",
    "华": "hua4",
    "任": "ren2",
    "缪": "miao4",
    "翟": "zhai2",
    "尉": "yu4",
    "乐": "yue4",
    "员": "yun4",
    "覃": "qin2",
    "那": "na1",
    "种": "chong2",
    "燕": "yan1",
    "贲": "ben1",
    "宓": "mi4",
    "繁": "po2",
    "秘": "bi4",
    "召": "shao4",
    "阚": "kan4",
    "句": "gou1",
    "隗": "wei3",
    "沈": "shen3",
    "万": "wan4",
    "重": "chong2",
    "长": "chang2",
    "折": "she2",
    "柏": "bai3",
    "过": "guo1",
    "朝": "chao2",
    "卜": "bu3",
    "薄": "bo2",
    "藏": "zang4",
    "蕃": "pi2",
}

# Compound surnames read as a whole (欧阳, 尉迟 …): the first two characters.
COMPOUND_SURNAMES: dict[str, str] = {
    "尉迟": "yu4 chi2",
    "万俟": "mo4 qi2",
    "单于": "chan2 yu2",
    "长孙": "zhang3 sun1",
    "令狐": "ling2 hu2",
    "澹台": "tan2 tai2",
}


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return [part.strip().lower() for part in lazy_pinyin(text, style=Style.TONE3) if part.strip()]


def sort_key(text: str | None) -> str:
    """The pinyin key of a unit's or team's name."""
    return " ".join(_syllables(text or ""))[:KEY_LENGTH]


def person_key(name: str | None) -> str:
    """The pinyin key of a person's name: the surname read as a surname."""
    name = (name or "").strip()
    for compound, reading in COMPOUND_SURNAMES.items():
        if name.startswith(compound):
            return " ".join([reading, *_syllables(name[len(compound) :])])[:KEY_LENGTH]
    if name[:1] in SURNAMES:
        return " ".join([SURNAMES[name[0]], *_syllables(name[1:])])[:KEY_LENGTH]
    return sort_key(name)

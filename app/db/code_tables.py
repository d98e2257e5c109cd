"""National code tables for the staff form's choice lists (DESIGN.md §4 free-text fields
that have a standard answer): 民族 GB 3304, 政治面貌 GB/T 4762, 学历 GB/T 4658 and the
职称 levels with the common titles of each.

The fields stay text in the database: the form offers these lists (typing filters
them), and a value outside its list (an old spreadsheet's 「汉」 or 「本科学历」) is kept
as typed and flagged, never lost (`outside_list`).
"""

from __future__ import annotations

from app.i18n import translate

# GB 3304-1991 民族名称, in the standard's order (01 汉族 … 56 基诺族), then the two
# codes the standard adds for people who are neither: 97 其他, 98 外国血统中国籍人士.
ETHNIC_GROUPS: tuple[str, ...] = (
    *("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族"),
    *("朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族"),
    *("黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族"),
    *("景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族"),
    *("毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族"),
    *("俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族"),
    *("鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"),
)
ETHNIC_EXTRAS: tuple[str, ...] = ("其他", "外国血统")

# GB/T 4762-1984 政治面貌 (01 … 13).
POLITICAL_STATUSES: tuple[str, ...] = (
    *("中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员"),
    *("民进会员", "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士"),
    "群众",
)

# GB/T 4658-2006 学历, the levels a roster records (研究生 split as the forms ask).
EDUCATION_LEVELS: tuple[str, ...] = (
    *("博士研究生", "硕士研究生", "大学本科", "大学专科", "中等专科"),
    *("职业高中", "技工学校", "普通高中", "初中", "小学", "其他"),
)

# 职称: the four levels, then the common titles of each in medicine, schools, research
# and engineering (what the sending units write on their letters).
TITLE_LEVELS: tuple[str, ...] = ("正高级", "副高级", "中级", "初级")
TITLES: tuple[str, ...] = (
    *TITLE_LEVELS,
    *("主任医师", "副主任医师", "主治医师", "医师", "主任护师", "副主任护师", "主管护师"),
    *("护师", "正高级教师", "高级教师", "一级教师", "二级教师", "教授", "副教授"),
    *("讲师", "高级讲师", "助教", "研究员", "副研究员", "助理研究员", "正高级工程师"),
    *("高级工程师", "工程师", "助理工程师", "高级农艺师", "农艺师", "高级畜牧师", "畜牧师"),
)

CHOICES: dict[str, tuple[str, ...]] = {
    "ethnicity": ETHNIC_GROUPS + ETHNIC_EXTRAS,
    "political_status": POLITICAL_STATUSES,
    "education": EDUCATION_LEVELS,
    "title": TITLES,
}


def outside_list(key: str, value: object) -> bool:
    """Whether a filled-in value of a field with a code table is not one of its entries."""
    text = str(value or "").strip()
    return bool(text) and key in CHOICES and text not in CHOICES[key]


def outside_list_warning(key: str, value: object) -> str | None:
    """The import preview's note for a value kept as typed although it is not listed."""
    if not outside_list(key, value):
        return None
    return translate(
        "CodeTables", "「{value}」 is not in the standard list; it is kept as written"
    ).format(value=str(value).strip())

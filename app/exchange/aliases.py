"""The words clerks' spreadsheets use, in one place: column headers, values, footers.

Offices name the same column a dozen ways (身份证号 / 身份证号码 / 公民身份号码) and
write the same value a few (医疗 / 医疗卫生 / 卫生). Every importer reads its columns
and values through these tables, so a new spelling met in the field is added here
once. Each field's own label (in Chinese and English, from the model) is accepted as
well, so whatever the app exports it reads back. Compared after `header_key`:
full-width forms, spaces, required-field stars and a trailing colon do not matter.
"""

from __future__ import annotations

import re
import unicodedata

# ----------------------------------------------------------------- column headers
# Import kind -> field key -> header spellings (besides the field's own labels).
PERSON_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名", "人才姓名", "专家姓名", "帮扶人才", "人员", "name"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "公民身份证号",
        "身份证",
        "证件号码",
        "证件号",
        "id number",
        "id no",
        "id",
    ),
    "receiving_unit": (
        "受援单位",
        "帮扶单位",
        "派驻单位",
        "挂职单位",
        "服务单位",
        "接收单位",
        "receiving unit",
    ),
}

STAFF_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (*PERSON_ALIASES["name"][:-3], "name"),
    "id_number": PERSON_ALIASES["id_number"],
    "gender": ("性别", "gender", "sex"),
    "ethnicity": ("民族", "ethnicity"),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "birth date", "date of birth"),
    "phone": (
        "联系电话",
        "手机号",
        "手机号码",
        "手机",
        "电话",
        "联系方式",
        "phone",
        "mobile",
        "telephone",
    ),
    "political_status": ("政治面貌", "political status"),
    "education": ("学历", "文化程度", "最高学历", "education"),
    "title": ("职称", "专业技术职称", "技术职称", "professional title", "title"),
    "specialty": ("专业", "专长", "专业特长", "所学专业", "specialty"),
    "field": ("领域", "类别", "帮扶类型", "帮扶领域", "人才类别", "人才类型", "field"),
    "sending_unit": ("派出单位", "选派单位", "原单位", "原工作单位", "派出医院", "sending unit"),
    "receiving_unit": PERSON_ALIASES["receiving_unit"],
    "post": ("职务", "挂任职务", "挂职岗位", "挂职职务", "岗位", "担任职务", "post"),
    "team": ("帮扶团队", "团队", "所属团队", "团队名称", "team"),
    "is_leader": ("领队", "是否领队", "团队领队", "team leader", "leader"),
    "start_date": (
        "到岗时间",
        "到岗日期",
        "派驻时间",
        "报到时间",
        "报到日期",
        "开始时间",
        "start date",
    ),
    "planned_end": ("期满时间", "计划期满", "结束时间", "期满日期", "派驻期满", "planned end"),
    "actual_end": ("离岗日期", "离岗时间", "实际离岗", "实际离岗日期", "actual end"),
    "status": ("状态", "在岗状态", "人员状态", "status"),
    "notes": ("备注", "说明", "notes", "remarks"),
}

SERVICE_ALIASES: dict[str, tuple[str, ...]] = {
    **PERSON_ALIASES,
    "service": ("服务项目", "服务", "服务名称", "保障项目", "项目", "service"),
    "date": ("落实日期", "服务日期", "落实时间", "日期", "时间", "date"),
    "details": ("服务内容", "内容", "具体内容", "详情", "落实情况", "details"),
    "amount": ("金额", "金额（元）", "金额(元)", "费用", "金额元", "amount"),
    "handled_by": ("经办人", "经手人", "办理人", "handled by"),
    "notes": ("备注", "notes", "remarks"),
}

MENTORSHIP_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("导师", "师傅", "导师姓名", "师傅姓名", "帮扶人才", "姓名", "mentor"),
    "id_number": PERSON_ALIASES["id_number"],
    "receiving_unit": PERSON_ALIASES["receiving_unit"],
    "mentee_name": (
        "徒弟",
        "徒弟姓名",
        "学员",
        "学员姓名",
        "结对对象",
        "本土人才",
        "带教对象",
        "mentee",
    ),
    "mentee_unit": ("徒弟单位", "徒弟所在单位", "学员单位", "所在单位", "mentee unit"),
    "start_date": ("结对日期", "结对时间", "开始日期", "开始时间", "start date"),
    "end_date": ("结束日期", "结束时间", "出师日期", "end date"),
    "goal": ("培养目标", "结对目标", "目标", "goal"),
    "result": ("培养成效", "成效", "结对成效", "成果", "result"),
}

OUTCOME_ALIASES: dict[str, tuple[str, ...]] = {
    **PERSON_ALIASES,
    "team": ("帮扶团队", "团队", "所属团队", "team"),
    "metric": ("成效指标", "指标", "指标名称", "成效项目", "工作项目", "metric"),
    "field": ("领域", "指标领域", "帮扶领域", "field"),
    "date": ("日期", "时间", "统计日期", "date"),
    "period": ("期间", "统计期间", "月份", "所属月份", "所属期间", "period"),
    "value": ("数值", "数量", "完成数", "完成数量", "数据", "value"),
    "unit": ("单位", "计量单位", "unit"),
    "description": ("说明", "描述", "成效描述", "具体内容", "内容", "description"),
    "is_highlight": ("亮点", "是否亮点", "highlight"),
}

# Columns that are known but carry nothing to import (a running number).
IGNORED_HEADERS = ("序号", "编号", "no", "no.", "#", "行号")

# ----------------------------------------------------------------- values
# Vocabulary code -> spellings besides the code, the official term and the UI label.
VALUE_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "field": {
        "medical": ("医疗卫生", "卫生", "卫生健康", "医疗人才", "医生", "医务"),
        "education": ("教育人才", "教师", "教学", "教育教学"),
        "technology": ("科技人才", "科技特派员", "农业", "农牧", "农业科技", "科技"),
        "general": ("其他", "其它", "管理", "综合类"),
    },
    "gender": {"male": ("男性", "m"), "female": ("女性", "f")},
    "status": {
        "on_duty": ("在职", "在岗中", "正常"),
        "completed": ("期满", "已离岗", "离岗", "期满返回"),
        "ended_early": ("提前离岗", "提前返回"),
        "rotated": ("轮岗", "已轮换"),
    },
    "is_leader": {"true": ("领队", "是领队", "队长")},
}

# ----------------------------------------------------------------- rows and sheets
# A line under the table that is not data: 「制表人：张三　审核人：李四」.
FOOTER = re.compile(
    r"^(?:制表人|制表|审核人|审核|填表人|填表日期|填报日期|填报人|制表日期|负责人|"
    r"单位负责人|联系人|单位（盖章）|单位\(盖章\)|盖章|注|备注|说明|填表说明)(?:[:：]|$|\s)"
)
# A row that adds up the others (never imported).
TOTALS = ("合计", "总计", "小计", "合计数", "总数")
# Sheets that explain how to fill in the others.
INSTRUCTION_SHEETS = re.compile(
    r"(说明|填表|填写|须知|示例|样例|模板说明|字典|下拉|选项|instruction|readme|help)",
    re.IGNORECASE,
)
# Sheet names that say what they hold (a small bonus when choosing a sheet).
SHEET_HINTS: dict[str, tuple[str, ...]] = {
    "staff": ("人才", "名册", "花名册", "人员", "名单", "staff", "roster"),
    "services": ("服务", "保障", "service"),
    "mentorships": ("师徒", "结对", "mentor"),
    "outcomes": ("成效", "业绩", "工作量", "outcome"),
}
# Units under or beside a metric's name in a wide table: 「手术（例）」.
UNIT_WORDS = frozenset(
    {"例", "人次", "次", "项", "个", "名", "所", "场", "万元", "元", "节", "人", "公斤/亩", "台"}
)
_UNIT_SUFFIX = re.compile(r"^(?P<name>.+?)\s*[(（\[【](?P<unit>[^()（）]+)[)）\]】]$")
_NOISE = re.compile(r"[\s*※★☆:：]+")


def header_key(text: object) -> str:
    """How headers are compared: full-width forms folded, spaces, stars and colons gone."""
    folded = unicodedata.normalize("NFKC", str(text if text is not None else ""))
    return _NOISE.sub("", folded).casefold()


def split_unit(text: str) -> tuple[str, str]:
    """「手术（例）」 → ("手术", "例"); text without a unit in brackets → (text, "")."""
    match = _UNIT_SUFFIX.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return text.strip(), ""
    return match.group("name").strip(), match.group("unit").strip()


def is_footer(text: str) -> bool:
    return FOOTER.match(unicodedata.normalize("NFKC", text).replace(" ", "").strip()) is not None


def is_total(text: str) -> bool:
    return header_key(text) in TOTALS


def value_code(field: str, value: object) -> object:
    """A vocabulary cell as its code when it is one of the extra spellings, else as it is
    (the field's own rule then reads codes, official terms and labels)."""
    if not isinstance(value, str):
        return value
    wanted = header_key(value)
    for code, spellings in VALUE_ALIASES.get(field, {}).items():
        if wanted in {header_key(spelling) for spelling in spellings}:
            return code
    return value

"""The facts the demo ledger is built from, taken from the two news reports in seeds/.

Named people, units and every total below are quoted by the reports (Jalaid Banner,
扎赉特旗, hosting Beijing Fengtai's teams); the other people and the monthly spread
are plausible filling. Data only: `app.demo` turns it into records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as D
from datetime import datetime
from decimal import Decimal

from app.db.vocabulary import Field, StaffStatus, UnitKind

DEFAULT_SEED = 2024
BUILT_AT = datetime(2024, 12, 31, 17, 30)
FIRST_MONTH, LAST_MONTH = D(2023, 1, 1), D(2024, 12, 1)
CLERK = "王丽"
SETTINGS = {
    "office_name": "扎赉特旗委组织部人才工作科",
    "county": "扎赉特旗",
    "clerk_name": CLERK,
    "office_head": "赵国庆",
    "reviewer": "孟凡宇",
}

MED, EDU, TECH, GEN = Field.MEDICAL, Field.EDUCATION, Field.TECHNOLOGY, Field.GENERAL
HOSPITAL, SCHOOL3, VOCATIONAL = "扎赉特旗人民医院", "扎赉特旗音德尔第三中学", "扎赉特旗中等职业学校"
AGRI, REVIVAL = "扎赉特旗农牧和科技局", "扎赉特旗乡村振兴局"
FENGTAI, NO12, VOC_BJ = "北京丰台医院", "北京市第十二中学", "北京市丰台区职业教育中心学校"
ACADEMY, FARM_BUREAU = "北京市农林科学院", "北京市丰台区农业农村局"
BANNER = "内蒙古兴安盟扎赉特旗"

# fmt: off
UNITS: dict[str, tuple[UnitKind, str, Field]] = {
    FENGTAI:     (UnitKind.SENDING, "北京市丰台区", MED),
    NO12:        (UnitKind.SENDING, "北京市丰台区", EDU),
    VOC_BJ:      (UnitKind.SENDING, "北京市丰台区", EDU),
    ACADEMY:     (UnitKind.SENDING, "北京市", TECH),
    FARM_BUREAU: (UnitKind.SENDING, "北京市丰台区", GEN),
    HOSPITAL:    (UnitKind.RECEIVING, BANNER, MED),
    SCHOOL3:     (UnitKind.RECEIVING, BANNER, EDU),
    VOCATIONAL:  (UnitKind.RECEIVING, BANNER, EDU),
    AGRI:        (UnitKind.RECEIVING, BANNER, TECH),
    REVIVAL:     (UnitKind.RECEIVING, BANNER, GEN),
}

# name -> (field, batch, receiving unit)
TEAMS: dict[str, tuple[Field, str, str]] = {
    "医疗帮扶队":   (MED, "2022年第一批", HOSPITAL),
    "教育帮扶团队": (EDU, "2022年第一批", SCHOOL3),
    "科技特派团":   (TECH, "2022年第一批", AGRI),
}
# fmt: on


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    born: D
    field: Field
    sending: str
    receiving: str
    post: str
    title: str
    specialty: str
    team: str | None
    start: D
    planned_end: D
    actual_end: D | None = None
    status: StaffStatus = StaffStatus.ON_DUTY
    leader: bool = False

    @property
    def end(self) -> D:
        return self.actual_end or self.planned_end


M, F = "男", "女"
DONE, EARLY = StaffStatus.COMPLETED, StaffStatus.ENDED_EARLY
MED_TEAM, EDU_TEAM, TECH_TEAM = "医疗帮扶队", "教育帮扶团队", "科技特派团"

# fmt: off
PEOPLE: tuple[Person, ...] = (
    Person("张文", M, D(1972, 3, 8), MED, FENGTAI, HOSPITAL, "第一院长", "主任医师", "泌尿外科", MED_TEAM, D(2022, 7, 15), D(2025, 7, 14), leader=True),  # noqa: E501
    Person("李慧敏", F, D(1980, 11, 2), MED, FENGTAI, HOSPITAL, "心内科副主任", "副主任医师", "心血管内科", MED_TEAM, D(2022, 7, 15), D(2023, 7, 31), status=DONE),  # noqa: E501
    Person("王志强", M, D(1978, 6, 21), MED, FENGTAI, HOSPITAL, "外科副主任", "副主任医师", "普通外科", MED_TEAM, D(2022, 7, 15), D(2023, 7, 31), status=DONE),  # noqa: E501
    Person("赵晓燕", F, D(1983, 9, 14), MED, FENGTAI, HOSPITAL, "呼吸科主任", "副主任医师", "呼吸内科", MED_TEAM, D(2022, 7, 15), D(2025, 7, 14)),  # noqa: E501
    Person("陈磊", M, D(1979, 1, 30), MED, FENGTAI, HOSPITAL, "急症监护病房主任", "副主任医师", "重症医学", MED_TEAM, D(2022, 7, 15), D(2025, 7, 14)),  # noqa: E501
    Person("刘洋", M, D(1985, 4, 5), MED, FENGTAI, HOSPITAL, "心内科副主任", "主治医师", "心血管内科", MED_TEAM, D(2023, 8, 1), D(2026, 7, 31)),  # noqa: E501
    Person("孙丽", F, D(1982, 12, 19), MED, FENGTAI, HOSPITAL, "中医康复科主任", "副主任医师", "中医康复", MED_TEAM, D(2023, 8, 1), D(2026, 7, 31)),  # noqa: E501
    Person("周建华", M, D(1976, 8, 8), MED, FENGTAI, HOSPITAL, "全科医学科主任", "主任医师", "全科医学", MED_TEAM, D(2024, 3, 1), D(2027, 2, 28)),  # noqa: E501
    Person("胡小蒙", M, D(1981, 5, 16), EDU, NO12, SCHOOL3, "副校长", "高级教师", "化学", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31), leader=True),  # noqa: E501
    Person("马晓东", M, D(1984, 2, 11), EDU, NO12, SCHOOL3, "数学备课组长", "高级教师", "数学", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31)),  # noqa: E501
    Person("杨静", F, D(1986, 7, 23), EDU, NO12, SCHOOL3, "英语备课组长", "一级教师", "英语", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31)),  # noqa: E501
    Person("吴琳", F, D(1987, 10, 3), EDU, NO12, SCHOOL3, "语文备课组长", "一级教师", "语文", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31), actual_end=D(2024, 2, 29), status=EARLY),  # noqa: E501
    Person("郑伟", M, D(1983, 3, 27), EDU, NO12, SCHOOL3, "物理备课组长", "高级教师", "物理", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31)),  # noqa: E501
    Person("黄雅琪", F, D(1990, 6, 6), EDU, NO12, SCHOOL3, "语文备课组长", "一级教师", "语文", EDU_TEAM, D(2024, 3, 1), D(2027, 2, 28)),  # noqa: E501
    Person("孙峰", M, D(1975, 9, 9), EDU, VOC_BJ, VOCATIONAL, "校长", "高级讲师", "职业教育", EDU_TEAM, D(2022, 8, 20), D(2025, 7, 31)),  # noqa: E501
    Person("徐兴健", M, D(1970, 4, 18), TECH, ACADEMY, AGRI, "水稻产业科技特派组组长", "研究员", "水稻栽培", TECH_TEAM, D(2022, 6, 15), D(2026, 12, 31), leader=True),  # noqa: E501
    Person("白玉梅", F, D(1979, 12, 1), TECH, ACADEMY, AGRI, "畜牧产业科技特派员", "副研究员", "畜牧养殖", TECH_TEAM, D(2022, 6, 15), D(2026, 12, 31)),  # noqa: E501
    Person("张海涛", M, D(1977, 7, 7), TECH, ACADEMY, AGRI, "大豆产业科技特派员", "研究员", "大豆育种", TECH_TEAM, D(2022, 6, 15), D(2026, 12, 31)),  # noqa: E501
    Person("李春生", M, D(1981, 10, 25), TECH, ACADEMY, AGRI, "农机科技特派员", "高级工程师", "农业机械", TECH_TEAM, D(2022, 6, 15), D(2026, 12, 31)),  # noqa: E501
    Person("高娜", F, D(1988, 1, 12), TECH, ACADEMY, AGRI, "植保科技特派员", "副研究员", "植物保护", TECH_TEAM, D(2024, 6, 1), D(2027, 5, 31)),  # noqa: E501
    Person("刘建国", M, D(1974, 11, 11), GEN, FARM_BUREAU, REVIVAL, "乡村振兴局副局长", "", "农村经济管理", None, D(2023, 3, 1), D(2026, 2, 28)),  # noqa: E501
)
# fmt: on

# Per-person outcome totals over 2023–2024, spread monthly over whoever was serving.
PERSONAL_TOTALS: dict[Field, dict[str, int]] = {
    MED: {"手术": 71, "门急诊诊疗": 15207, "疑难病例讨论": 527, "会诊": 363, "新技术新项目": 10},
    EDU: {"听评课": 640, "集体教研": 262},
    TECH: {
        "农牧民培训": 5700,
        "现场指导": 109,
        "推广新技术": 8,
        "引进新品种": 57,
        "培育本土技术人员": 29,
    },
    GEN: {"调研走访": 64, "对接项目": 12},
}
# Team (county-wide) figures, spread over the eight quarters.
TEAM_TOTALS: dict[str, dict[str, int]] = {
    MED_TEAM: {"新设科室": 4},
    EDU_TEAM: {"教师培训": 86, "受益教师": 3210, "结对学校": 18, "跟岗学习": 102},
    TECH_TEAM: {"示范基地": 11, "带动增收": 1000},
}
# (owner, metric, total) spread over the eight quarters for one person.
QUARTERLY_PERSONAL = (("刘建国", "协调资金", 355),)
# (date, person, metric, value): single figures, e.g. the rice yield (a "latest" metric).
SINGLE_FIGURES = (
    (D(2023, 10, 31), "徐兴健", "亩产", Decimal("608.9")),
    (D(2024, 10, 31), "徐兴健", "亩产", Decimal("761.5")),
    (D(2024, 5, 31), "周建华", "培训", 1),
    (D(2024, 5, 31), "周建华", "培训人次", 15),
)

# (date, owner, owner is a team, text)
HIGHLIGHTS: tuple[tuple[D, str, bool, str], ...] = (
    (D(2023, 3, 28), MED_TEAM, True, "扎赉特旗人民医院新开设呼吸科"),
    (D(2023, 5, 16), "张文", False, "填补扎赉特旗输尿管软镜下钬激光碎石取石术空白"),
    (
        D(2023, 10, 30),
        "徐兴健",
        False,
        "寒地水稻秸秆全量原位还田缓释多效综合技术在3000多亩示范，平均亩产608.9公斤，亩增产58.9公斤",
    ),
    (
        D(2023, 11, 20),
        "孙峰",
        False,
        "中职学校教师参加2023年内蒙古自治区中等职业学校教师技能大赛，创建校以来区赛历史纪录",
    ),
    (D(2024, 1, 15), MED_TEAM, True, "新开设中医康复科、介入科和急症监护病房"),
    (D(2024, 6, 28), "胡小蒙", False, "音德尔三中首届高考考生取得兴安盟旗县理科最高分，全员本科"),
    (D(2024, 8, 12), "张文", False, "为七旬肾囊肿患者在本院完成微创手术，患者术后当天下地活动"),
    (D(2024, 10, 25), "徐兴健", False, "水稻亩产761.5公斤，刷新全区纪录"),
    (D(2024, 10, 28), "张海涛", False, "大豆亩产316.8公斤，再创全区纪录"),
    (D(2024, 11, 18), TECH_TEAM, True, "“扎赉特旗优势产业关键技术研发与示范”项目入选部省联动项目"),
)

# (mentor, mentee, mentee unit, start, end, goal)
# fmt: off
MENTORSHIPS: tuple[tuple[str, str, str, D, D | None, str], ...] = (
    ("张文", "高峰", HOSPITAL, D(2022, 9, 1), None, "独立开展泌尿外科微创手术"),
    ("赵晓燕", "韩雪", HOSPITAL, D(2023, 3, 1), None, "建立呼吸科常规诊疗规范"),
    ("陈磊", "包宏伟", HOSPITAL, D(2023, 6, 1), D(2024, 5, 31), "掌握重症监护技术"),
    ("孙丽", "乌云", HOSPITAL, D(2023, 9, 1), None, "开展中医康复治疗"),
    ("胡小蒙", "曹雪", SCHOOL3, D(2022, 9, 1), None, "青蓝工程：微课题研究与教案书写"),
    ("马晓东", "王宇", SCHOOL3, D(2023, 2, 20), None, "青蓝工程：数学课堂教学"),
    ("杨静", "刘佳", SCHOOL3, D(2023, 2, 20), D(2024, 7, 15), "论学班：英语听说教学"),
    ("郑伟", "孟凡", SCHOOL3, D(2024, 3, 1), None, "青蓝工程：物理实验教学"),
    ("孙峰", "赵明", VOCATIONAL, D(2023, 9, 1), None, "专业教师技能大赛备赛"),
    ("徐兴健", "颜景新", "努文木仁乡杏花村合作社", D(2023, 4, 1), None, "秸秆还田与水稻栽培技术"),
    ("白玉梅", "那仁", AGRI, D(2024, 4, 1), None, "肉牛养殖技术指导"),
    ("张海涛", "苏和", AGRI, D(2024, 5, 10), None, "大豆高产栽培"),
)
# fmt: on

# (field, metric) -> target for 2024
TARGETS_2024 = {(MED, "手术"): 40, (MED, "门急诊诊疗"): 8000, (TECH, "农牧民培训"): 3000}

# Festival visits (春节, 中秋) and the yearly health checks.
FESTIVALS = (D(2023, 1, 18), D(2023, 9, 26), D(2024, 2, 6), D(2024, 9, 13))
HEALTH_CHECKS = (D(2023, 5, 16), D(2024, 5, 14))
# Gaps a real office would have, so the coverage matrix shows what is missing:
# (person, service, the period's first day or None for a once-service).
MISSED = {
    ("高娜", "公交乘车卡", None),
    ("黄雅琪", "就医绿色通道", None),
    ("周建华", "免费健康体检", D(2024, 1, 1)),
    ("郑伟", "生活补助发放", D(2024, 11, 1)),
    ("孙峰", "谈心谈话走访", D(2024, 10, 1)),
    ("李春生", "探亲往返交通", D(2024, 7, 1)),
}
ON_DEMAND = (
    ("胡小蒙", D(2023, 8, 25), "协调子女就读音德尔第一小学"),
    ("刘洋", D(2023, 8, 22), "协调子女入托扎赉特旗第一幼儿园"),
)

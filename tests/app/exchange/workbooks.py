"""Messy workbooks as offices hand them in, built in the tests (and valid ID numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.roster.id_numbers import id_check_char


def id_number(birth: str, serial: str = "123", region: str = "110105") -> str:
    """A valid 18-character ID number for a birth date "19800101" (check digit computed)."""
    first17 = region + birth + serial
    return first17 + id_check_char(first17)


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    merges: dict[str, Sequence[str]] | None = None,
    text_columns: dict[str, Sequence[str]] | None = None,
) -> Path:
    """Sheets of rows (row 1 first); `merges` per sheet ("A1:F1"); `text_columns` are
    formatted "@" as a careful clerk does for ID numbers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(list(row))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed as text (a leading apostrophe in Excel)
        for cells in (merges or {}).get(title, ()):
            top_left = ws[cells.split(":")[0]].value
            ws.merge_cells(cells)
            ws[cells.split(":")[0]] = top_left
        for column in (text_columns or {}).get(title, ()):
            for cell in ws[column]:
                cell.number_format = "@"
    workbook.save(path)
    return path


# ----------------------------------------------------------------- a roster as offices keep it
ZHANG = id_number("19800101", "011")  # male (odd 17th digit)
LI = id_number("19850202", "022")  # female
ZHAO_BAD = ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")  # a wrong check digit
QIAN = id_number("19700303", "031")
WU = id_number("19750404", "041")
ZHENG = id_number("19780505", "051")
HOSPITAL, SCHOOL = "北京市丰台区中医医院", "北京市第十八中学"
PEOPLES, FIRST_SCHOOL = "扎赉特旗人民医院", "扎赉特旗第一中学"


def messy_roster(path: Path, *, sending: str = "选派单位") -> Path:
    """An instruction sheet first; then a title merged across, a 填报单位 line, shuffled
    and aliased headers, a blank row, every date form, a numeric ID number, a wrong
    check digit, full-width letters, a padded name, a person twice, a 合计 row and
    footer lines. Rows 4…15 are data (Excel's numbering). `sending` heads column F."""
    headers = [
        "序号", "帮扶类型", "姓　名", "公民身份号码", "性别", sending, "派驻单位",
        "挂职岗位", "到岗时间", "计划期满", "手机号", "备注",
    ]  # fmt: skip
    rows: list[list[Any]] = [
        ["扎赉特旗“组团式”帮扶人才花名册（2024年）"],
        ["填报单位：扎赉特旗委组织部", None, None, None, None, None, None, None, "单位：人"],
        headers,
        [
            1,
            "医疗",
            "张　文",
            ZHANG,
            "男",
            HOSPITAL,
            PEOPLES,
            "副院长",
            "2022-07-01",
            "2024/7/1",
            "13812345678",
        ],
        [2, "医疗卫生", "李娜", LI, "女", HOSPITAL, PEOPLES, "科主任", "2022.7.1", "2024年7月1日"],
        [],
        [3, "教育", "王　强", 152223199001011000, "男", SCHOOL, FIRST_SCHOOL, "教师", "2023-04-01"],
        [
            4,
            "科技",
            "赵六",
            ZHAO_BAD,
            "男",
            "内蒙古农业大学",
            "扎赉特旗农牧局",
            "技术员",
            "2023-03-01",
        ],
        [
            5,
            "教育",
            "ＺＨＯＵ Ｑｉ",
            None,
            "女",
            SCHOOL,
            FIRST_SCHOOL,
            "副校长",
            20230401,
            "2025年2月",
        ],
        [6, "医疗", "张文", ZHANG, "男", HOSPITAL, PEOPLES, "副院长", "2022-07-01"],
        [
            7,
            "科技",
            "孙七",
            None,
            "男",
            "内蒙古农业大学",
            "扎赉特旗农牧局",
            "技术员",
            datetime(2022, 9, 1),
            45535,
        ],
        [
            8,
            "综合",
            "周八",
            None,
            "男",
            "北京市丰台区委组织部",
            "扎赉特旗委组织部",
            "副部长",
            "2022年7月",
            2024.1,
        ],
        [9, "医疗", "钱进", QIAN, "男", HOSPITAL, PEOPLES, "医生", "2022-07-01"],
        [10, "医疗", "吴九", WU, "男", HOSPITAL, PEOPLES, "医生", "2023-04-01"],
        [11, "医疗", "郑十", ZHENG, "男", HOSPITAL, PEOPLES, "医生", "2022-07-01", "2024-06-30"],
        ["合计", None, "11人"],
        ["制表人：王丽　　审核人：李娜"],
        ["填表日期：2024年9月30日"],
    ]
    return write_xlsx(
        path,
        {
            "填表说明": [["请按下表填写，身份证号列设置为文本格式。"], ["姓名", "身份证号"]],
            "花名册": rows,
        },
        merges={"花名册": ["A1:L1"]},
        text_columns={"花名册": ["D"]},
    )

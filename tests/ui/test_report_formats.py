"""`report --json --pdf --xlsx` on the demo ledger, headless: three formats, one set of figures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.reports.tables import NONE_MARK, ValueKind, format_cell

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Any]:
    """One run of the command, as IT staff would type it on a server without a display."""
    folder = tmp_path_factory.mktemp("report")
    db = Path(shutil.copy(demo_template, folder / "demo.db"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    files = ("--pdf", "summary.pdf", "--xlsx", "summary.xlsx", "--db", str(db))
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", "--quarter", "2024Q3", "--json", *files],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {"json": json.loads(done.stdout), "stderr": done.stderr, "folder": folder}


def pdf_lines(path: Path) -> list[list[str]]:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line.split() for line in text.splitlines() if line.strip()]


def sheet_rows(workbook: openpyxl.Workbook, title: str) -> list[list[Any]]:
    return [list(row) for row in workbook[title].iter_rows(min_row=6, values_only=True)]


def excel(value: Any) -> Any:
    return None if value == NONE_MARK else value


def test_the_files_are_written_and_announced_on_stderr(outputs: dict[str, Any]) -> None:
    folder = outputs["folder"]
    assert (folder / "summary.pdf").read_bytes().startswith(b"%PDF")
    assert "季度汇总已保存到" in outputs["stderr"]  # stdout stays pure JSON
    assert not list(folder.glob("*.partial"))


def test_json_workbook_and_pdf_show_the_same_figures(outputs: dict[str, Any]) -> None:
    figures = outputs["json"]
    workbook = openpyxl.load_workbook(outputs["folder"] / "summary.xlsx")
    lines = pdf_lines(outputs["folder"] / "summary.pdf")

    staff = figures["staff"]
    staff_row = [*staff["on_duty"]["by_field"].values(), staff["on_duty"]["total"]]
    staff_row += [staff["arrived"], staff["departed"]]
    assert sheet_rows(workbook, "人员")[0] == staff_row
    assert [str(n) for n in staff_row] in lines

    services = {row[0]: row for row in sheet_rows(workbook, "服务保障")}
    pdf_services = {line[0]: line for line in lines if line and line[0] in services}
    assert len(services) == len(figures["services"]) == 10
    for line in figures["services"]:
        numbers = [line["provisions"], line["eligible"], line["covered"], line["coverage"]]
        assert [excel(v) for v in services[line["service"]][2:6]] == numbers
        printed = [format_cell(v, ValueKind.NUMBER) for v in numbers[:3]]
        printed.append(format_cell(line["coverage"], ValueKind.RATIO))
        assert pdf_services[line["service"]][2:6] == printed

    outcomes = {(row[0], row[1]): row for row in sheet_rows(workbook, "工作成效")}
    pdf_outcomes = {(line[0], line[1]): line for line in lines if len(line) >= 7}
    assert len(outcomes) == len(figures["outcomes"]) > 20
    for line in figures["outcomes"]:
        numbers = [line[key] for key in ("quarter", "previous", "change", "ytd", "cumulative")]
        assert [excel(v) for v in outcomes[(line["field"], line["metric"])][3:8]] == numbers
        number, percent = ValueKind.NUMBER, ValueKind.PERCENT
        kinds = (number, number, percent, number, number)
        printed = [format_cell(v, kind) for v, kind in zip(numbers, kinds, strict=True)]
        assert pdf_outcomes[(line["metric"], line["unit"])][2:7] == printed, line["metric"]

    mentorships = figures["mentorships"]
    assert sheet_rows(workbook, "师徒结对")[0] == [mentorships["active"], mentorships["new"]]
    numbers = [str(mentorships["active"]), str(mentorships["new"])]
    assert numbers in lines  # the last table; the sign-off block follows it
    surgeries = next(line for line in figures["outcomes"] if line["metric"] == "手术")
    assert surgeries["quarter"] > 0 and surgeries["cumulative"] > surgeries["quarter"]


def test_the_pdf_ends_with_the_sign_off_block_named_from_settings(
    outputs: dict[str, Any],
) -> None:
    lines = pdf_lines(outputs["folder"] / "summary.pdf")
    text = " ".join(" ".join(line) for line in lines)
    for words in ("单位负责人", "审核人", "填报人", "盖章", "赵国庆", "孟凡宇"):
        assert words in text, words
    mentorships = outputs["json"]["mentorships"]
    last_table = lines.index([str(mentorships["active"]), str(mentorships["new"])])
    signed = next(i for i, line in enumerate(lines) if "单位负责人" in " ".join(line))
    assert signed > last_table  # at the end, after the last table

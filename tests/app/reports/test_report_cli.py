"""`report --json`: the shape of issue 4, UTF-8, and the seeds' totals on the demo ledger."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app import cli
from app.demo.facts import PERSONAL_TOTALS, QUARTERLY_PERSONAL, TEAM_TOTALS

ROOT = Path(__file__).resolve().parents[3]


def report(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["report", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def test_json_shape_of_2024q3(demo_path: Path) -> None:
    code, text, err = report("--db", str(demo_path), "--quarter", "2024Q3", "--json")
    assert code == cli.EXIT_OK, err
    assert "医疗" in text and "\\u" not in text  # Chinese as such, not ASCII-escaped
    data = json.loads(text)
    assert list(data) == [
        "quarter",
        "period",
        "staff",
        "services",
        "outcomes",
        "highlights",
        "mentorships",
        "targets",
    ]
    assert data["quarter"] == "2024Q3"
    assert data["period"] == {"start": "2024-07-01", "end": "2024-09-30"}
    staff = data["staff"]
    assert list(staff) == ["on_duty", "arrived", "departed"]
    assert list(staff["on_duty"]) == ["total", "by_field"]
    assert list(staff["on_duty"]["by_field"]) == ["医疗", "教育", "科技", "综合"]
    assert staff["on_duty"]["total"] == sum(staff["on_duty"]["by_field"].values())
    assert all(isinstance(staff[key], int) for key in ("arrived", "departed"))
    for line in data["services"]:
        assert list(line) == ["service", "rule", "provisions", "eligible", "covered", "coverage"]
        assert isinstance(line["provisions"], int)
        if line["rule"] == "on_demand":
            assert (line["eligible"], line["covered"], line["coverage"]) == (None, None, None)
        else:
            assert isinstance(line["eligible"], int) and isinstance(line["covered"], int)
            assert isinstance(line["coverage"], float) and 0.0 <= line["coverage"] <= 1.0
    assert data["services"][1]["service"] == "免费健康体检"
    assert data["services"][1]["rule"] == "yearly"
    for line in data["outcomes"]:
        assert list(line) == [
            "field",
            "metric",
            "unit",
            "quarter",
            "previous",
            "change",
            "ytd",
            "cumulative",
        ]
        assert line["field"] in ("医疗", "教育", "科技", "综合")
        assert all(
            line[key] is None or is_number(line[key])
            for key in ("quarter", "previous", "change", "ytd", "cumulative")
        )
    first = data["outcomes"][0]
    assert (first["field"], first["metric"], first["unit"]) == ("医疗", "手术", "例")
    assert data["highlights"] == [
        {
            "date": "2024-08-12",
            "staff": "张文",
            "text": "为七旬肾囊肿患者在本院完成微创手术，患者术后当天下地活动",
        }
    ]
    assert list(data["mentorships"]) == ["active", "new"]
    assert all(isinstance(value, int) for value in data["mentorships"].values())


def test_2024q4_cumulative_totals_are_the_seeds_figures(demo_path: Path) -> None:
    """The demo spreads the reports' 2023–2024 totals over months and people."""
    code, text, err = report("--db", str(demo_path), "--quarter", "2024Q4", "--json")
    assert code == cli.EXIT_OK, err
    cumulative = {line["metric"]: line["cumulative"] for line in json.loads(text)["outcomes"]}
    expected = {
        metric: total
        for totals in [*PERSONAL_TOTALS.values(), *TEAM_TOTALS.values()]
        for metric, total in totals.items()
    } | {metric: total for _, metric, total in QUARTERLY_PERSONAL}
    assert {metric: cumulative[metric] for metric in expected} == expected
    assert (cumulative["手术"], cumulative["门急诊诊疗"], cumulative["农牧民培训"]) == (
        71,
        15207,
        5700,
    )
    assert cumulative["亩产"] == 761.5  # a "latest" metric: the newest yield


def test_a_bad_quarter_is_refused_with_a_message(demo_path: Path) -> None:
    code, text, err = report("--db", str(demo_path), "--quarter", "2024Q5", "--json")
    assert code == cli.EXIT_ERROR and text == ""
    assert "2024Q3" in err  # the message shows how to write a quarter


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    code, _, err = report("--db", str(tmp_path / "none.db"), "--quarter", "2024Q3", "--json")
    assert code == cli.EXIT_ERROR and "no database" in err
    assert not (tmp_path / "none.db").exists()


def test_pdf_without_a_renderer_is_unavailable(demo_path: Path, tmp_path: Path) -> None:
    """`app.cli` alone has no Qt: only main.py hands it the PDF renderer."""
    code, text, err = report(
        "--db", str(demo_path), "--quarter", "2024Q3", "--pdf", str(tmp_path / "s.pdf")
    )
    assert code == cli.EXIT_UNAVAILABLE and text == "" and "PDF" in err
    assert not (tmp_path / "s.pdf").exists()


def test_utf8_output_even_where_the_console_is_not(demo_path: Path) -> None:
    """A Chinese Windows console's code page (here: ASCII) must not break the JSON."""
    argv = ["report", "--db", str(demo_path), "--quarter", "2024Q3", "--json"]
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout.decode("utf-8"))["outcomes"][0]["metric"] == "手术"

"""import-staff / import-services / import-outcomes / import-mentorships and export on
the command line: counts, every refused row, and the exit codes 0 / 4 / 1 / 2."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app import cli
from app.db.ledger import Ledger
from app.db.models import AuditEntry, Batch, Staff
from app.db.paths import backup_dir_for
from tests.app.exchange.workbooks import ZHANG, messy_roster, write_xlsx

ROOT = Path(__file__).resolve().parents[3]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def staff_count(db: Path) -> int:
    with Ledger.open(db) as ledger, ledger.session() as session:
        return session.scalar(select(func.count()).select_from(Staff)) or 0


def test_dry_run_prints_the_counts_and_every_refused_row_and_writes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    roster = messy_roster(tmp_path / "花名册.xlsx")
    code, out, _ = run("import-staff", str(roster), "--db", str(db_path), "--dry-run")
    assert code == cli.EXIT_REFUSED == 4
    lines = out.splitlines()
    assert lines[0] == (
        "花名册.xlsx: 7 new, 0 updated, 0 unchanged duplicates, 1 with warnings, 3 refused"
    )
    assert lines[1] == "3 lines skipped (totals, footer lines)."
    refused = [line for line in lines if line.startswith("花名册 row ")]
    assert [line.split(":")[0] for line in refused] == [
        "花名册 row 7",
        "花名册 row 8",
        "花名册 row 10",
        "花名册 row 12",  # the warning
    ]
    assert lines[-1] == "Dry run: nothing was written."
    assert staff_count(db_path) == 0


def test_the_valid_rows_are_committed_and_strict_commits_none(
    db_path: Path, tmp_path: Path
) -> None:
    roster = messy_roster(tmp_path / "花名册.xlsx")
    code, out, _ = run("import-staff", str(roster), "--db", str(db_path), "--strict")
    assert code == 4 and out.splitlines()[-1] == (
        "Rows were refused and --strict was given: nothing was written."
    )
    assert staff_count(db_path) == 0
    assert not list(backup_dir_for(db_path).glob("*-import.db"))  # nothing to commit
    code, out, _ = run("import-staff", str(roster), "--db", str(db_path))
    assert code == 4
    assert len(list(backup_dir_for(db_path).glob("*-import.db"))) == 1  # taken first
    assert out.splitlines()[-1] == "Imported in one batch; undo it in Settings → Import history."
    assert staff_count(db_path) == 8
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        assert session.scalars(select(Batch.kind)).all() == ["import-staff"]


def test_every_row_imported_or_unchanged_is_exit_code_0(db_path: Path, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ok.xlsx",
        {"名册": [["姓名", "身份证号", "领域", "到岗日期"], ["张文", ZHANG, "医疗", "2022-07-01"]]},
    )
    assert run("import-staff", str(path), "--db", str(db_path))[0] == cli.EXIT_OK
    code, out, _ = run("import-staff", str(path), "--db", str(db_path))
    assert code == 0 and "0 new, 0 updated, 1 unchanged duplicates" in out


def test_a_file_that_cannot_be_read_is_exit_code_1_and_wrong_usage_2(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "roster.xls"
    text.write_text("<html>not a workbook</html>")
    code, _, err = run("import-staff", str(text), "--db", str(db_path))
    assert code == cli.EXIT_ERROR and "roster.xls is not an Excel workbook" in err
    assert run("import-services", "--db", str(db_path))[0] == cli.EXIT_USAGE
    assert run("import-outcomes", str(text), "--frobnicate")[0] == cli.EXIT_USAGE
    code, _, _ = run("import-mentorships", "--help")
    assert code == 0
    assert "exit codes: 0 every row imported" in " ".join(capsys.readouterr().out.split())


def test_messages_are_chinese_by_default(db_path: Path, tmp_path: Path) -> None:
    roster = messy_roster(tmp_path / "花名册.xlsx")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "import-staff",
            str(roster),
            "--dry-run",
            "--db",
            str(db_path),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 4, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "花名册.xlsx：新增 7 行，更新 0 行，重复未变 0 行，有警告 1 行，拒绝 3 行"
    assert lines[-1] == "试运行：未写入任何内容。"
    assert "花名册 第 7 行：D 列（公民身份号码）：Excel 把身份证号存成了数字" in done.stdout


def test_export_from_the_command_line_masks_unless_full_id_which_is_audited(
    db_path: Path, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "ok.xlsx",
        {"名册": [["姓名", "身份证号", "领域", "到岗日期"], ["张文", ZHANG, "医疗", "2022-07-01"]]},
    )
    run("import-staff", str(path), "--db", str(db_path))
    code, out, _ = run("export", "--xlsx", str(tmp_path / "a.xlsx"), "--db", str(db_path))
    assert code == 0 and out.startswith("1 rows exported to ")
    code, _, _ = run(
        "export", "--what", "staff", "--xlsx", str(tmp_path / "b.xlsx"), "--full-id"
        , "--db", str(db_path)
    )  # fmt: skip
    assert code == 0
    values = {
        name: [cell.value for cell in openpyxl.load_workbook(tmp_path / name).active[4]]
        for name in ("a.xlsx", "b.xlsx")
    }
    assert ZHANG not in values["a.xlsx"] and ZHANG in values["b.xlsx"]
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id.is_(None)))
        assert list(actions).count("export-full-id") == 1
    assert run("export", "--what", "coverage", "--xlsx", "c.xlsx")[0] == cli.EXIT_USAGE

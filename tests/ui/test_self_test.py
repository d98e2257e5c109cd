"""`--self-test` fails with its reason when a part is missing; the PDF text it reads.

The happy path runs on the frozen build (tests/test_installer.py); here the checks are
given broken parts in-process: a printout without its title, no Chinese font.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app import cli
from app.periods import Quarter
from app.reports import charts
from app.reports.document import PrintableDocument
from app.reports.pdf_reading import pdf_text
from app.reports.prepared import prepare_summary
from ui import printing
from ui.i18n import install_core_translator


def run_self_test(hooks: cli.Hooks) -> tuple[int, list[str], list[str]]:
    install_core_translator("zh_CN")  # the command line's default language
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--self-test"], hooks, out=out, err=err)
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def another_document(document: PrintableDocument, path: Path) -> Path:
    """A renderer that prints something else: a valid PDF without the summary's title."""
    return printing.render_pdf(PrintableDocument("另一份文件", "<p>另一份文件</p>", {}), path)


def test_a_printout_without_its_title_fails_at_the_pdf_in_one_line(qapp: Any) -> None:
    code, out, err = run_self_test(cli.Hooks(render_pdf=another_document))
    assert code == cli.EXIT_ERROR
    assert [line.split("：")[0] for line in out] == ["[通过] 数据库", "[通过] 图表"]
    assert err == [
        "错误：自检未通过（PDF）：文字中没有标题「扎赉特旗“组团式”帮扶工作季度汇总（2024年第3季度）」"
    ]


def test_without_a_chinese_font_the_self_test_fails_at_the_charts(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "missing_font_message", lambda: "本机没有中文字体")
    code, out, err = run_self_test(cli.Hooks(render_pdf=printing.render_pdf))
    assert code == cli.EXIT_ERROR
    assert [line.split("：")[0] for line in out] == ["[通过] 数据库"]
    assert err == ["错误：自检未通过（图表）：本机没有中文字体"]


def test_without_qt_the_self_test_is_unavailable() -> None:
    code, out, err = run_self_test(cli.Hooks())
    assert (code, out, err) == (cli.EXIT_UNAVAILABLE, [], ["自检需要完整程序中的 Qt 库。"])


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_the_pdf_reader_finds_the_same_text_as_poppler(
    qapp: Any, demo_session: Session, tmp_path: Path
) -> None:
    document = prepare_summary(demo_session, Quarter(2024, 3), printable=True).document
    assert document is not None
    path = printing.render_pdf(document, tmp_path / "summary.pdf")
    poppler = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    ours = "".join(pdf_text(path).split())
    assert ours == "".join(poppler.split())
    assert ours.startswith("".join(document.title.split()))

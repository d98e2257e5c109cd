"""A font cache built before the CJK font was installed still gives Chinese charts, and
no "Glyph … missing" warning reaches the clerk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.reports.charts import _cjk_files

ROOT = Path(__file__).resolve().parents[3]

STALE_CACHE = """
from matplotlib import font_manager
manager = font_manager.fontManager
manager.ttflist = [f for f in manager.ttflist if "CJK" not in f.name and "Hei" not in f.name]
path = font_manager.Path(font_manager.mpl.get_cachedir()) / (
    f"fontlist-v{font_manager.FontManager.__version__}.json"
)
font_manager.json_dump(manager, path)
print(path)
"""

DRAW = """
import warnings
warnings.simplefilter("always")
from matplotlib import font_manager
assert not any("CJK" in f.name for f in font_manager.fontManager.ttflist), "cache not stale"
from app.periods import Quarter
from app.reports import charts
from app.reports.figures import Heading, QuarterlySummary, StaffFigures
from app.db.vocabulary import Field
from datetime import date
summary = QuarterlySummary(
    quarter=Quarter(2024, 3),
    heading=Heading("扎赉特旗", "组织部", "王丽", date(2024, 10, 8)),
    staff=StaffFigures({field: 3 for field in Field}, arrived=1, departed=0),
    services=[], outcomes=[], highlights=[], mentorships=None,
)
figure = charts.staff_figure(summary)
png = charts.figure_png(figure)
family = charts.cjk_font()
title = figure.texts[0] if figure.texts else figure.axes[0].title
used = font_manager.findfont(font_manager.FontProperties(family=title.get_fontfamily()))
print(family, used, len(png))
"""


@pytest.mark.skipif(not _cjk_files(), reason="no CJK font file on this computer")
def test_a_stale_font_cache_still_draws_chinese_without_glyph_warnings(tmp_path: Path) -> None:
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", STALE_CACHE], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", DRAW], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    *family_words, used, size = done.stdout.split()
    family = " ".join(family_words)
    assert family in ("Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei")
    assert "CJK" in used or "msyh" in used or "simhei" in used or "wqy" in used, used
    assert int(size) > 1000
    assert "Glyph" not in done.stderr

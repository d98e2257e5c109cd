"""Hand-built quarterly summaries: the outputs are tested without the report engine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.db.vocabulary import Aggregation, Field, ServiceRule
from app.periods import Quarter
from app.reports.charts import summary_figures
from app.reports.document import Chart, chart_images
from app.reports.figures import (
    Heading,
    Highlight,
    MentorshipFigures,
    OutcomeFigures,
    QuarterlySummary,
    ServiceFigures,
    StaffFigures,
)

HEADING = Heading(
    county="扎赉特旗", office="旗委组织部<人才科>", clerk="王丽", made_on=date(2024, 10, 8)
)


def outcome(
    field: Field,
    metric: str,
    unit: str,
    quarter: str | None,
    previous: str | None = None,
    *,
    change: str | None = None,
    ytd: str | None = None,
    cumulative: str | None = None,
    latest: bool = False,
    target: str | None = None,
    progress: str | None = None,
) -> OutcomeFigures:
    def number(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    return OutcomeFigures(
        field=field,
        metric=metric,
        unit=unit,
        aggregation=Aggregation.LATEST if latest else Aggregation.SUM,
        quarter=number(quarter),
        previous=number(previous),
        change=number(change),
        ytd=number(ytd),
        cumulative=number(cumulative),
        target=number(target),
        target_progress=number(progress),
    )


def summary(quarter: Quarter | None = None, scale: int = 1) -> QuarterlySummary:
    """A small, complete summary of 2024Q3 (or `quarter`): a None in each awkward place."""
    return QuarterlySummary(
        quarter=quarter or Quarter(2024, 3),
        heading=HEADING,
        staff=StaffFigures(
            on_duty_by_field={
                Field.MEDICAL: 7,
                Field.EDUCATION: 6,
                Field.TECHNOLOGY: 5,
                Field.GENERAL: 1,
            },
            arrived=2,
            departed=1,
        ),
        services=[
            ServiceFigures("人才公寓", ServiceRule.ONCE, 2, 19, 19, 1.0),
            ServiceFigures("免费健康体检", ServiceRule.YEARLY, 4, 19, 13, 13 / 19),
            ServiceFigures("生活补助发放", ServiceRule.MONTHLY, 55, 16, 15, 15 / 16),
            ServiceFigures("子女入学入托协调", ServiceRule.ON_DEMAND, 1, None, None, None),
            ServiceFigures("谈心谈话走访", ServiceRule.QUARTERLY, 0, 0, 0, None),
        ],
        outcomes=[
            outcome(
                Field.MEDICAL,
                "手术",
                "例",
                str(9 * scale),
                "8",
                change="12.5",
                ytd="25",
                cumulative="71",
                target="40",
                progress="62.5",
            ),
            outcome(
                Field.MEDICAL,
                "门急诊诊疗",
                "人次",
                str(1900 * scale),
                "1950",
                change="-2.6",
                ytd="5800",
                cumulative="15207",
            ),
            outcome(Field.MEDICAL, "新设科室", "个", "0", "0", ytd="1", cumulative="4"),
            outcome(
                Field.TECHNOLOGY,
                "农牧民培训",
                "人次",
                str(700 * scale),
                "650",
                change="7.7",
                ytd="2100",
                cumulative="5700",
            ),
            outcome(
                Field.TECHNOLOGY,
                "亩产",
                "公斤/亩",
                None,
                None,
                ytd=None,
                cumulative="608.9",
                latest=True,
            ),
        ],
        highlights=[
            Highlight(date(2024, 8, 12), "张文", "为七旬患者完成微创手术 <首例> & 当天下地"),
        ],
        mentorships=MentorshipFigures(active=12, new=3),
    )


def recent(count: int = 8) -> list[QuarterlySummary]:
    """`count` summaries ending with 2024Q3, each quarter's figures a little larger."""
    quarters = Quarter(2024, 3).back(count)
    return [summary(q, scale=index + 1) for index, q in enumerate(quarters)]


def charts(shown: QuarterlySummary, trend: Sequence[QuarterlySummary] = ()) -> list[Chart]:
    """The summary's three charts as PNGs, as `prepare_summary` draws them."""
    return chart_images(summary_figures(shown, list(trend)))

"""What the dashboard picks from a summary: the weakest service, the leading outcomes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.db.vocabulary import Aggregation, Field, ServiceRule
from app.periods import Quarter
from app.reports.figures import (
    Heading,
    MentorshipFigures,
    OutcomeFigures,
    QuarterlySummary,
    ServiceFigures,
    StaffFigures,
)
from app.reports.overview import leading_outcomes, lowest_coverage


def outcome(
    field: Field, metric: str, cumulative: int | None, aggregation: str = "sum"
) -> OutcomeFigures:
    value = None if cumulative is None else Decimal(cumulative)
    return OutcomeFigures(
        field, metric, "例", Aggregation(aggregation), value, None, None, value, value
    )


def summary(services: list[ServiceFigures], outcomes: list[OutcomeFigures]) -> QuarterlySummary:
    return QuarterlySummary(
        quarter=Quarter(2024, 3),
        heading=Heading("扎赉特旗", "组织部", "王丽", date(2024, 10, 8)),
        staff=StaffFigures({field: 0 for field in Field}, 0, 0),
        services=services,
        outcomes=outcomes,
        highlights=[],
        mentorships=MentorshipFigures(0, 0),
    )


def service(name: str, covered: int | None, eligible: int | None) -> ServiceFigures:
    coverage = covered / eligible if covered is not None and eligible else None
    rule = ServiceRule.YEARLY if eligible is not None else ServiceRule.ON_DEMAND
    return ServiceFigures(name, rule, 0, eligible, covered, coverage)


def test_lowest_coverage_skips_services_without_one_and_keeps_catalog_order_on_ties() -> None:
    lines = [
        service("人才公寓", 20, 20),
        service("子女入学入托协调", None, None),
        service("免费健康体检", 9, 20),
        service("公交乘车卡", 0, 0),
        service("重要节日慰问", 9, 20),
    ]
    assert lowest_coverage(summary(lines, [])) == lines[2]
    assert lowest_coverage(summary(lines[1:2], [])) is None


def test_leading_outcomes_take_the_first_recorded_sum_metrics_of_each_field() -> None:
    lines = [
        outcome(Field.MEDICAL, "手术", 71),
        outcome(Field.MEDICAL, "新设科室", 0),
        outcome(Field.MEDICAL, "门急诊诊疗", 15207),
        outcome(Field.MEDICAL, "会诊", 363),
        outcome(Field.EDUCATION, "听评课", 640),
        outcome(Field.TECHNOLOGY, "亩产", 650, "latest"),
        outcome(Field.TECHNOLOGY, "农牧民培训", 5700),
        outcome(Field.GENERAL, "调研", None),
    ]
    picked = [line.metric for line in leading_outcomes(summary([], lines))]
    assert picked == ["手术", "门急诊诊疗", "听评课", "农牧民培训"]
    assert [line.metric for line in leading_outcomes(summary([], lines), per_field=1)] == [
        "手术",
        "听评课",
        "农牧民培训",
    ]

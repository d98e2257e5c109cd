"""Catalog lists: retired services and deactivated metrics stay, the bin's do not;
targets follow their metric."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.db.listing import ListQuery, next_sort_order
from app.db.models import Metric, ServiceType
from app.outcomes.metrics import TARGET, Metrics, MetricTargets, metric_units
from app.records import commands
from app.services.catalog import SERVICE_TYPE, ServiceTypes
from tests.app.helpers import metric_id, run, service_id


def test_services_in_their_order_including_retired_but_not_deleted(session: Session) -> None:
    canteen = service_id(session, "暖心食堂")
    run(session, commands.update, SERVICE_TYPE, canteen, {"retired_on": "2024-07-01"})
    run(session, commands.delete, SERVICE_TYPE, service_id(session, "公交乘车卡"))
    headers, rows = ServiceTypes().table(session, ListQuery(sort_key="sort_order"))
    assert headers == ["Sort order", "Name", "Rule", "Retired on", "Description"]
    assert [row[1] for row in rows][:3] == ["人才公寓", "免费健康体检", "暖心食堂"]
    assert rows[2][2:4] == ("Once per assignment", date(2024, 7, 1))
    assert rows[0][3] is None and len(rows) == 9
    assert next_sort_order(session, ServiceType) == 11  # after every entry, even the bin's


def test_metrics_and_their_yearly_targets(session: Session) -> None:
    headers, rows = Metrics().table(session, ListQuery(sort_key="sort_order"))
    assert headers == ["Sort order", "Name", "Field", "Unit", "Aggregation", "Active"]
    assert rows[0][1:5] == ("手术", "Medical", "例", "Sum")
    assert next(row for row in rows if row[1] == "亩产")[4] == "Latest value"
    surgery, visits = metric_id(session, "手术"), metric_id(session, "门急诊诊疗")
    for year, value in ((2025, "50"), (2024, "40")):
        run(
            session,
            commands.create,
            TARGET,
            {"metric_id": surgery, "year": year, "target_value": value},
        )
    run(session, commands.create, TARGET, {"metric_id": visits, "year": 2024, "target_value": 8000})
    query = ListQuery(filters={"metric_id": surgery}, sort_key="year")
    assert MetricTargets().table(session, query) == (["Year", "Target"], [(2024, 40), (2025, 50)])
    assert next_sort_order(session, Metric) == len(rows) + 1
    assert set(metric_units(session)[:3]) == {"个", "人次", "次"}  # four metrics each

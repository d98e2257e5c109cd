"""The ten services (十项服务): the catalog's rules and its list in Settings.

The catalog is data in the database (seeded by `app.db.seed`); the office edits it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.db.listing import ListColumn, Listing, labelled_column
from app.db.models import ServiceProvision, ServiceType
from app.db.vocabulary import ServiceRule
from app.i18n import translate
from app.records.fields import read_catalog_entry, read_text
from app.records.kinds import RecordKind, Reference, count_references, unique_name_problem
from app.records.validation import Problems, parse_vocabulary


def active_services(session: Session) -> list[ServiceType]:
    return list(
        session.scalars(
            select(ServiceType)
            .where(ServiceType.deleted_at.is_(None), ServiceType.active.is_(True))
            .order_by(ServiceType.sort_order, ServiceType.id)
        )
    )


def _normalise_service(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(SERVICE_TYPE.label)
    clean = read_catalog_entry(problems, values, ServiceType)
    if clean["name"] and (
        message := unique_name_problem(session, ServiceType, clean["name"], current)
    ):
        problems.add("name", message)
    clean["rule"] = problems.read(values, "rule", parse_vocabulary, ServiceRule)
    problems.require("rule", clean["rule"])
    clean["description"] = read_text(problems, values, ServiceType, "description")
    problems.raise_if_any()
    return clean


SERVICE_TYPE = RecordKind(
    model=ServiceType,
    normalise=_normalise_service,
    describe=lambda service: service.name,
    blockers=lambda session, service, purge: count_references(
        session,
        service.id,
        [
            Reference(
                ServiceProvision.service_type_id,
                translate("Catalogs", "{count} service records (deactivate it instead)"),
            )
        ],
        purge=purge,
    ),
)


class ServiceTypes(Listing):
    model = ServiceType
    entities = frozenset({"service_type"})
    default_sort = "sort_order"

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(ServiceType, "sort_order", numeric=True),
            labelled_column(ServiceType, "name"),
            labelled_column(ServiceType, "rule"),
            labelled_column(ServiceType, "active"),
            labelled_column(ServiceType, "description"),
        ]

    def base(self) -> Select[Any]:
        return select(ServiceType.id).where(ServiceType.deleted_at.is_(None))

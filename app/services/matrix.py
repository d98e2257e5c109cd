"""The coverage matrix of a quarter (覆盖矩阵) as plain data: staff × services.

Rows are the staff on duty during the quarter, columns the services counting in it
(`app.services.catalog.services_in`, each under its rule for that quarter), and each
cell is decided by `app.services.coverage` — the same code the quarterly summary
counts with, so the unfiltered matrix's column figures are the summary's eligible,
covered and coverage. On-demand services show "not applicable" cells and no figures.

The Services page paints it, `ui` prints it and `app.exchange.coverage_workbook`
writes it; all three show a cell with the same symbol and word (`cell_text`), so it
reads in black-and-white print and for colour-blind eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Staff, Team
from app.db.vocabulary import CoverageStatus, Field, ServiceRule
from app.i18n import translate
from app.periods import Quarter
from app.roster.duty import serving_between
from app.services.catalog import services_in
from app.services.coverage import load_coverage

SYMBOLS = {
    CoverageStatus.DONE: "✓",
    CoverageStatus.DUE: "○",
    CoverageStatus.OVERDUE: "✗",
    CoverageStatus.NOT_APPLICABLE: "—",
}
# Light fills (screen, paper and Excel) that stay readable under black text; the
# symbol carries the meaning, the colour only helps.
COLOURS = {
    CoverageStatus.DONE: "CDEBC5",
    CoverageStatus.DUE: "FFF0B3",
    CoverageStatus.OVERDUE: "F6C4C0",
    CoverageStatus.NOT_APPLICABLE: "ECECEC",
}
_FIELD_ORDER = {field: index for index, field in enumerate(Field)}


@dataclass(frozen=True)
class MatrixCell:
    status: CoverageStatus
    day: date | None = None  # a done cell: the date of the provision that fills it
    provision_id: int | None = None


@dataclass(frozen=True)
class MatrixColumn:
    service_id: int
    name: str
    rule: ServiceRule
    eligible: int | None  # None for on-demand services
    covered: int | None

    @property
    def rate(self) -> float | None:
        return None if not self.eligible or self.covered is None else self.covered / self.eligible


@dataclass(frozen=True)
class MatrixRow:
    staff_id: int
    name: str
    field: Field
    team: str
    cells: tuple[MatrixCell, ...]

    @property
    def applicable(self) -> int:
        return sum(cell.status != CoverageStatus.NOT_APPLICABLE for cell in self.cells)

    @property
    def done(self) -> int:
        return sum(cell.status == CoverageStatus.DONE for cell in self.cells)

    @property
    def rate(self) -> float | None:
        """Done cells over applicable ones (None when every cell is not applicable)."""
        return self.done / self.applicable if self.applicable else None


@dataclass(frozen=True)
class CoverageMatrix:
    quarter: Quarter
    as_of: date  # due and overdue are judged on this day
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]

    def cell(self, staff_id: int, service_id: int) -> MatrixCell | None:
        for row in self.rows:
            if row.staff_id == staff_id:
                for column, cell in zip(self.columns, row.cells, strict=True):
                    if column.service_id == service_id:
                        return cell
        return None

    def counts(self) -> dict[CoverageStatus, int]:
        """How many cells of each kind (the page's legend shows them)."""
        found = dict.fromkeys(CoverageStatus, 0)
        for row in self.rows:
            for cell in row.cells:
                found[cell.status] += 1
        return found


def coverage_matrix(
    session: Session,
    quarter: Quarter,
    *,
    field: Field | str | None = None,
    team_id: int | None = None,
    as_of: date | None = None,
) -> CoverageMatrix:
    """The matrix of `quarter`, judged on `as_of` (default today); `field` and
    `team_id` keep the rows of one field or team, and the column figures follow them.
    Four queries, whatever the number of staff."""
    as_of = as_of or clock.today()
    services = services_in(session, quarter)
    coverage = load_coverage(session, quarter, services)
    query = (
        select(Staff.id, Staff.name, Staff.field, Team.name, Team.name_key, Staff.name_key)
        .outerjoin(Team, Team.id == Staff.team_id)
        .where(Staff.deleted_at.is_(None), serving_between(quarter.start, quarter.end))
    )
    if field:
        query = query.where(Staff.field == Field(field))
    if team_id:
        query = query.where(Staff.team_id == team_id)
    people = sorted(
        session.execute(query),
        key=lambda row: (_FIELD_ORDER[row[2]], row[4] or "", row[5], row[0]),  # 拼音
    )
    rows = []
    for staff_id, name, staff_field, team, _, _ in people:
        cells = []
        for service in services:
            status, provided = coverage.cell(staff_id, service.id, service.rule, as_of=as_of)
            cells.append(
                MatrixCell(status, provided.day, provided.id)
                if provided is not None
                else MatrixCell(status)
            )
        rows.append(MatrixRow(staff_id, name, staff_field, team or "", tuple(cells)))
    columns = []
    for index, service in enumerate(services):
        if service.rule == ServiceRule.ON_DEMAND:
            eligible = covered = None
        else:
            eligible = len(rows)
            covered = sum(row.cells[index].status == CoverageStatus.DONE for row in rows)
        columns.append(MatrixColumn(service.id, service.name, service.rule, eligible, covered))
    return CoverageMatrix(quarter, as_of, tuple(columns), tuple(rows))


# ----------------------------------------------------------------- how a cell reads
def cell_text(cell: MatrixCell) -> str:
    """✓ and the date for a done cell (09-15), else the symbol and the status word."""
    if cell.status == CoverageStatus.DONE and cell.day is not None:
        return f"{SYMBOLS[cell.status]} {cell.day:%m-%d}"
    if cell.status == CoverageStatus.NOT_APPLICABLE:
        return SYMBOLS[cell.status]
    return f"{SYMBOLS[cell.status]} {cell.status.label()}"


def percent_text(rate: float | None) -> str:
    """A coverage as a whole percent ("80%"), "—" when there is none."""
    return "—" if rate is None else f"{rate:.0%}"


def legend() -> list[tuple[CoverageStatus, str, str]]:
    """(status, symbol, what it means) for the legend under the matrix and on paper."""
    meanings = {
        CoverageStatus.DONE: translate(
            "Matrix", "received in the rule's period (the date of the provision)"
        ),
        CoverageStatus.DUE: translate("Matrix", "not yet received; its period is still open"),
        CoverageStatus.OVERDUE: translate(
            "Matrix",
            "not received and its period has passed (a once-service: 30 days after arrival)",
        ),
        CoverageStatus.NOT_APPLICABLE: translate("Matrix", "a service on demand has no period"),
    }
    return [(status, SYMBOLS[status], meanings[status]) for status in CoverageStatus]


def column_heading(column: MatrixColumn) -> str:
    """The service and its rule, e.g. 免费健康体检（每年）."""
    return translate("Matrix", "{service} ({rule})").format(
        service=column.name, rule=column.rule.label()
    )


def figures_text(column: MatrixColumn) -> str:
    """A column's footer: covered / eligible and the percent ("4/5 80%")."""
    if column.eligible is None:
        return "—"
    return f"{column.covered}/{column.eligible} {percent_text(column.rate)}"

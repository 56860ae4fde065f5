"""A bulk plan's rows: what each action's `plan` answers for one domain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from clientarea_cli.models import Domain, Money, PlanItem, RecurringTarget, SettingsTarget


class PlanRow(NamedTuple):
    """One target of a plan as a run needs it (a tuple: a run plans 10,000 of them, and a model
    each cost 10,000 validations and 10 MB). The rows a user sees, in the preview or with
    `--dry-run`, are shown as `PlanItem` models (`model()`), like every other output."""

    domain: str
    domain_id: int
    current: str
    desired: str
    skip: bool = False
    warnings: tuple[str, ...] = ()
    cost: Money | None = None

    def model(self) -> PlanItem:
        return PlanItem.from_fields(self._asdict())


def plan_row(
    domain: Domain | RecurringTarget | SettingsTarget,
    current: str,
    desired: str,
    *,
    skip: bool = False,
    warnings: Sequence[str] = (),
    cost: Money | None = None,
) -> PlanRow:
    return PlanRow(domain.name, domain.id, current, desired, skip, tuple(warnings), cost)

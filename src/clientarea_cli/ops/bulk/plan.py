"""A bulk plan: every target with its current and desired state, cost and warnings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from clientarea_cli.models import Money, PlanItem
from clientarea_cli.models.common import Model
from clientarea_cli.ops.bulk.actions import Action
from clientarea_cli.ops.bulk.rows import PlanRow

CONFIRM_TYPED_ABOVE = 50
"""Above this many items (or whenever money moves) the user types the count to confirm."""


@dataclass
class Plan:
    action: Action
    items: list[PlanRow]
    warnings: list[str] = field(default_factory=list)
    """Warnings about the whole run (a contact that does not match the card holder…)."""

    @cached_property
    def to_apply(self) -> list[PlanRow]:
        """The rows that are not no-ops (asked for by the preview, the confirmation and the
        progress bar alike: made once)."""
        return [item for item in self.items if not item.skip]

    @property
    def skipped(self) -> int:
        return len(self.items) - len(self.to_apply)

    def totals(self) -> list[Money]:
        """The cost of the items to apply, per currency (in order of first appearance)."""
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for item in self.to_apply:
            if item.cost is not None:
                sums[item.cost.currency] += item.cost.amount
        return [Money(amount=amount, currency=currency) for currency, amount in sums.items()]

    def needs_typed_confirmation(self) -> bool:
        return self.action.moves_money or len(self.to_apply) > CONFIRM_TYPED_ABOVE

    def needs_confirmation(self) -> bool:
        return len(self.to_apply) > 1 or self.needs_typed_confirmation()


def build(action: Action, domains: Iterable[Model], warnings: list[str] | None = None) -> Plan:
    """One row per domain; `domains` may be read as it comes (a page at a time)."""
    return Plan(action, [action.plan(domain) for domain in domains], list(warnings or []))


def shown(rows: list[PlanRow]) -> list[PlanItem]:
    """Plan rows as the models every output is rendered from."""
    return [row.model() for row in rows]

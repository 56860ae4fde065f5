"""Adding account credit (seed 000): a preset amount, by a validated card or by bank transfer.

Everything the client can check is checked before the request leaves: the amount is one of the
provider's presets, the card is a stored, validated Visa or Mastercard that has not expired, and
a proof of payment is a PDF, PNG or JPEG (by its first bytes) of at most 10 MB. The terms are
accepted by the caller (a prompt or `--accept-terms`); the CLI sends the top-up through the money
journal (cli/money.py), so it is never charged twice.
"""

from __future__ import annotations

import re
import stat
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from clientarea_cli.drivers.base import Capability, Driver
from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _, pgettext
from clientarea_cli.models import Listing, Money, PaymentMethod, TopUp, WalletTerms
from clientarea_cli.ops.cards import AMEX_REFUSED
from clientarea_cli.ops.recurring import card_last_day, describe, find_method
from clientarea_cli.ops.today import provider_today

MAX_PROOF_BYTES = 10 * 1024 * 1024
PROOF_TYPES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
_AMOUNT = re.compile(r"^\s*€?\s*(\d+(?:[.,]\d{1,2})?)\s*(€|[A-Za-z]{3})?\s*$", re.ASCII)


@dataclass(frozen=True)
class TopUpPlan:
    amount: Money
    method: str
    """`card`, `transfer`, or `invoice` (a funds invoice, FUNDS_INVOICES providers)."""
    card: PaymentMethod | None
    terms_url: str | None
    needs_terms: bool = True

    @property
    def label(self) -> str:
        if self.method == "invoice":
            return "a funds invoice"
        if self.card is None:
            return "bank transfer"
        return describe(self.card).split(",")[0]

    @property
    def summary(self) -> str:
        """What the journal keeps: the amount and the card's brand and last four, no more."""
        return f"top up {self.amount} by {self.label}"


def _presets_text(presets: list[Money]) -> str:
    currencies = sorted({p.currency for p in presets})
    return "; ".join(
        ", ".join(str(p.amount) for p in presets if p.currency == c) + f" {c}" for c in currencies
    )


def choose_preset(raw: str, presets: list[Money]) -> Money:
    """The preset `raw` names (`100`, `100.00`, `100 EUR`, `100,00€`), or a UsageError listing them."""
    if not presets:
        raise UsageError(_("this provider offers no top-up amounts"))
    match = _AMOUNT.match(raw)
    amount: Decimal | None = None
    currency = None
    if match:
        try:
            amount = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            amount = None
        unit = match.group(2)
        currency = "EUR" if unit == "€" else (unit.upper() if unit else None)
    for preset in presets:
        if amount == preset.amount and currency in (None, preset.currency):
            return preset
    raise UsageError(
        _("the top-up amount must be one of {presets_text} (not {value!r})").format(
            presets_text=_presets_text(presets), value=raw.strip()
        )
    )


def check_top_up_card(driver: Driver, ref: str) -> PaymentMethod:
    """A stored card that can pay a top-up: Visa or Mastercard, validated, not expired."""
    driver.require(Capability.PAYMENT_METHODS, _("paying a top-up by card"))
    method = find_method(driver.list_payment_methods(), ref, "--card")
    label = describe(method)
    if method.type != "card":
        raise UsageError(
            _("payment method {id} is a {label}: top-ups are paid by card or by --transfer").format(
                id=method.id, label=label
            )
        )
    if (method.brand or "").lower() in ("amex", "american express", "american_express"):
        raise UsageError(_(AMEX_REFUSED), hint=_("use a Visa or Mastercard card"))
    if not method.validated:
        raise UsageError(
            _("card {id} ({label}) is not validated yet").format(id=method.id, label=label),
            hint=_("verify it first: clientarea payment-methods verify {id}").format(id=method.id),
        )
    last_day = card_last_day(method)
    if last_day is not None and last_day < provider_today(driver):
        raise UsageError(_("card {id} ({label}) has expired").format(id=method.id, label=label))
    return method


def plan_top_up(driver: Driver, amount: str, *, card_ref: str | None, transfer: bool) -> TopUpPlan:
    """Check the amount against the provider's presets and the card, before anything is sent."""
    driver.require(Capability.WALLET, _("adding credit"))
    if card_ref and transfer:
        raise UsageError(_("choose --card or --transfer, not both"))
    if not (card_ref or transfer):
        raise UsageError(
            _("say how to pay: --card METHOD (a validated card) or --transfer (bank transfer)")
        )
    wallet = driver.get_wallet()
    if driver.supports(Capability.FUNDS_INVOICES):
        return _funds_invoice_plan(amount, wallet.balance.currency, card_ref=card_ref)
    preset = choose_preset(amount, wallet.top_up_presets)
    card = check_top_up_card(driver, card_ref) if card_ref else None
    return TopUpPlan(
        amount=preset,
        method="card" if card else "transfer",
        card=card,
        terms_url=wallet.terms_url,
    )


def _funds_invoice_plan(raw: str, currency: str, *, card_ref: str | None) -> TopUpPlan:
    """A provider that adds credit through an invoice for any amount (FOSSBilling)."""
    if card_ref:
        raise UsageError(
            _("this provider stores no cards: use --transfer (it issues a funds invoice to pay)")
        )
    match = _AMOUNT.match(raw)
    unit = match.group(2) if match else None
    unit = "EUR" if unit == "€" else (unit.upper() if unit else currency)
    amount = Decimal(match.group(1).replace(",", ".")) if match else Decimal(0)
    if amount <= 0 or unit != currency:
        raise UsageError(
            _("the top-up amount must be a positive amount in {currency} (not {raw!r})").format(
                currency=currency, raw=raw.strip()
            )
        )
    return TopUpPlan(
        amount=Money(amount=amount, currency=currency),
        method="invoice",
        card=None,
        terms_url=None,
        needs_terms=False,
    )


def terms(driver: Driver) -> WalletTerms:
    driver.require(Capability.WALLET, _("reading the top-up terms"))
    return driver.get_wallet_terms()


def create(driver: Driver, plan: TopUpPlan, key: str) -> TopUp:
    """Send the top-up under the journal's key; the caller has had the terms accepted."""
    return driver.create_top_up(
        plan.amount,
        method=plan.method,
        payment_method_id=plan.card.id if plan.card else None,
        accept_terms=True,
        idempotency_key=key,
    )


def pending(driver: Driver, *, limit: int | None) -> Listing[TopUp]:
    driver.require(Capability.WALLET, _("listing top-ups"))
    return driver.list_top_ups(status="pending", limit=limit)


def read_proof(path: Path) -> tuple[bytes, str]:
    """The file and its content type, checked by size and by its first bytes."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UsageError(
            _("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(_("{path} is not a file").format(path=path))
    size = info.st_size
    if size > MAX_PROOF_BYTES:
        raise UsageError(
            _(
                "{path} is {size:,} bytes: a proof of payment may be at most 10 MB ({MAX_PROOF_BYTES:,} bytes)"
            ).format(path=path, size=size, MAX_PROOF_BYTES=MAX_PROOF_BYTES)
        )
    if size == 0:
        raise UsageError(_("{path} is empty").format(path=path))
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            _("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from None
    for magic, content_type in PROOF_TYPES:
        if content.startswith(magic):
            return content, content_type
    raise UsageError(
        _("{path} is not a PDF, PNG or JPEG file (judged by its content, not its name)").format(
            path=path
        ),
    )


def check_pending_transfer(driver: Driver, reference: str) -> TopUp:
    """Only a pending bank-transfer top-up takes a proof (checked before the file is sent)."""
    driver.require(Capability.WALLET, _("uploading a proof of payment"))
    top_up = driver.get_top_up(reference.strip())
    if top_up.method != "transfer" or top_up.status != "pending":
        what = "bank-transfer" if top_up.method == "transfer" else top_up.method
        raise UsageError(
            _(
                "top-up {reference} is a {what} top-up, {status}: only a pending bank transfer takes a proof of payment"
            ).format(
                reference=top_up.reference,
                what=what,
                status=pgettext("top-up status", top_up.status),
            )
        )
    return top_up


def upload_proof(driver: Driver, reference: str, content: bytes, content_type: str) -> TopUp:
    """Upload the proof of a pending transfer; a new upload replaces the previous one."""
    driver.require(Capability.WALLET, _("uploading a proof of payment"))
    return driver.upload_top_up_proof(
        reference.strip(), content, content_type, idempotency_key=str(uuid.uuid4())
    )

"""Invoices and account credit: invoice/get_list, invoice/get (by hash), client/balance_get_list.

An invoice is shown by id: its hash comes from the client's own invoice list (scoped by the
server), and invoice/get's answer is checked to be ours, because FOSSBilling 0.5.6 finds an
invoice by its hash alone, whoever asks.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from clientarea_cli.drivers.fossbilling.account import AccountMixin
from clientarea_cli.drivers.fossbilling.base import PAY_IN_BROWSER
from clientarea_cli.drivers.fossbilling.orders import money
from clientarea_cli.errors import MalformedResponse, NotFound, NotSupported
from clientarea_cli.i18n import _
from clientarea_cli.models import (
    Invoice,
    InvoiceItem,
    InvoicePayment,
    Listing,
    Money,
    TopUp,
    Wallet,
    WalletMovement,
)

STATUSES = {"canceled": "cancelled"}


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


def invoice_from(row: dict[str, Any], today: date) -> Invoice:
    currency = str(row.get("currency") or "")
    status = STATUSES.get(str(row.get("status")), str(row.get("status")))
    created = _day(row.get("created_at"))
    due = _day(row.get("due_at")) or created
    if status == "unpaid" and due and due < today.isoformat():
        status = "overdue"
    total = money(row.get("total"), currency)
    credit = money(row.get("credit") or 0, currency)
    return Invoice(
        id=row["id"],
        number=str(row.get("serie_nr") or row.get("nr") or row["id"]),
        status=status,
        date=created,
        due_date=due,
        paid_date=_day(row.get("paid_at")),
        subtotal=money(row.get("subtotal"), currency),
        tax=money(row.get("tax"), currency),
        total=total,
        credit_applied=credit,
        balance=total if status in ("unpaid", "overdue") else money(0, currency),
        items=[
            InvoiceItem(
                description=str(line.get("title") or ""),
                type=str(line.get("type") or "other"),
                related_id=line.get("order_id"),
                amount=money(line.get("total"), currency),
            )
            for line in row.get("lines") or []
            if isinstance(line, dict)
        ],
    )


def _is_funds(row: dict[str, Any]) -> bool:
    lines = row.get("lines") or []
    return bool(lines) and all(line.get("type") == "deposit" for line in lines)


class BillingMixin(AccountMixin):
    def _invoice_rows(
        self, status: str | None = None, *, order_id: int | None = None
    ) -> list[dict[str, Any]]:
        """The client's invoices (of `status`; billing order `order_id`), each checked ours."""
        params: dict[str, Any] = {"status": status} if status else {}
        if order_id is not None:
            params["order_id"] = order_id
        rows, _total = self._list("invoice/get_list", params, limit=None)
        for row in rows:
            self._check_owner(row, _("invoice"), row.get("id"))
        return rows

    def _invoice_by_hash(self, invoice_hash: str, what: str, ref: object) -> Invoice:
        """invoice/get by hash, refused unless the invoice is the logged-in client's."""
        try:
            row = self._call("invoice/get", {"hash": invoice_hash})
        except NotFound:
            raise NotFound(
                _("{what} {ref} was not found in this account").format(what=what, ref=ref)
            ) from None
        self._check_owner(row, what, ref)
        return invoice_from(row, date.today())

    def _invoice_hash(self, invoice_id: int) -> str:
        for row in self._invoice_rows():
            if row.get("id") == invoice_id:
                return str(row["hash"])
        raise NotFound(
            _("{what} {ref} was not found in this account").format(
                what=_("invoice"), ref=invoice_id
            )
        )

    def list_invoices(self, *, status: str | None, limit: int | None) -> Listing[Invoice]:
        server_status = status if status in ("paid", "unpaid", "refunded") else None
        today = date.today()
        invoices = [invoice_from(row, today) for row in self._invoice_rows(server_status)]
        if status:
            invoices = [i for i in invoices if i.status == status]
        shown = invoices if limit is None else invoices[:limit]
        return Listing[Invoice](items=shown, total=len(invoices))

    def get_invoice(self, invoice_id: int) -> Invoice:
        return self._invoice_by_hash(self._invoice_hash(invoice_id), _("invoice"), invoice_id)

    def pay_invoice(
        self,
        invoice_id: int,
        *,
        use_credit: bool,
        method: str | None,
        payment_method_id: int | None,
        idempotency_key: str,
    ) -> InvoicePayment:
        self.check_invoice_payments([invoice_id])
        raise NotSupported(_("paying an invoice through the API"), self.name)  # not reached

    def check_invoice_payments(self, invoice_ids: list[int]) -> None:
        for invoice_id in invoice_ids:  # exit 5 for an invoice that is not ours, before exit 6
            self._invoice_hash(invoice_id)
        raise NotSupported(
            _("paying an invoice through the API"),
            self.name,
            hint=_(PAY_IN_BROWSER),
        )

    def get_invoice_pdf(self, invoice_id: int) -> tuple[bytes, str | None]:
        """The guest API's invoice/pdf, by the hash of an invoice of ours (sent without the key)."""
        invoice_hash = self._invoice_hash(invoice_id)
        response = self._reads.request(
            "POST", "/guest/invoice/pdf", json={"hash": invoice_hash}, anonymous=True
        )
        if not response.content.startswith(b"%PDF"):
            raise MalformedResponse(
                _("FOSSBilling sent no PDF for invoice {id}").format(id=invoice_id)
            )
        return response.content, f"invoice-{invoice_id}.pdf"

    def create_top_up(
        self,
        amount: Money,
        *,
        method: str,
        payment_method_id: int | None,
        accept_terms: bool,
        idempotency_key: str,
    ) -> TopUp:
        """invoice/funds_invoice: an unpaid invoice for `amount`; the credit comes when it is paid."""
        invoice_hash = self._call("invoice/funds_invoice", {"amount": str(amount.amount)})
        invoice = self._invoice_by_hash(str(invoice_hash), _("funds invoice"), _("new"))
        return TopUp(
            id=invoice.id,
            reference=invoice.number,
            status="completed" if invoice.status == "paid" else "pending",
            amount=invoice.total,
            method="invoice",
        )

    def list_top_ups(self, *, status: str | None, limit: int | None) -> Listing[TopUp]:
        """Funds invoices, as top-ups: unpaid ones are pending."""
        today = date.today()
        top_ups = [
            TopUp(
                id=row["id"],
                reference=invoice.number,
                status="completed" if invoice.status == "paid" else "pending",
                amount=invoice.total,
                method="invoice",
                created_at=row.get("created_at"),
            )
            for row in self._invoice_rows()
            if _is_funds(row) and (invoice := invoice_from(row, today))
        ]
        if status:
            top_ups = [t for t in top_ups if t.status == status]
        shown = top_ups if limit is None else top_ups[:limit]
        return Listing[TopUp](items=shown, total=len(top_ups))

    def get_wallet(self) -> Wallet:
        account = self._call("profile/get")
        currency = str(account.get("currency") or "")
        return Wallet(
            balance=money(account.get("balance") or 0, currency),
            pending_top_ups=money(self._pending_funds(), currency),
        )

    def _pending_funds(self) -> Decimal:
        """Unpaid funds (top-up) invoices: credit that arrives when they are paid."""
        total = Decimal(0)
        for row in self._invoice_rows("unpaid"):
            if _is_funds(row):
                total += Decimal(str(row.get("total") or 0))
        return total

    def list_wallet_movements(self, *, limit: int | None) -> Listing[WalletMovement]:
        rows, total = self._list("client/balance_get_list", {}, limit=limit)
        account = self._call("profile/get")
        running = Decimal(str(account.get("balance") or 0))
        movements = []
        for row in rows:  # newest first: the balance after each is known from the current one
            amount = Decimal(str(row.get("amount") or 0))
            currency = str(row.get("currency") or account.get("currency") or "")
            movements.append(
                WalletMovement(
                    id=row["id"],
                    date=row["created_at"],
                    kind="credit" if amount >= 0 else "debit",
                    description=str(row.get("description") or ""),
                    amount=money(amount, currency),
                    balance_after=money(running, currency),
                )
            )
            running -= amount
        return Listing[WalletMovement](items=movements, total=total)

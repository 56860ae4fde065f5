"""Paying invoices, their PDF and their bank-transfer details."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clientarea_cli import models
from clientarea_cli.drivers.clientarea.base import ClientAreaBase

if TYPE_CHECKING:
    from clientarea_cli.models import InvoicePayment, TransferDetails

_FILENAME = re.compile(r'filename="?([^";]+)"?')


class InvoicesMixin(ClientAreaBase):
    def pay_invoice(
        self,
        invoice_id: int,
        *,
        use_credit: bool,
        method: str | None,
        payment_method_id: int | None,
        idempotency_key: str,
    ) -> InvoicePayment:
        body = {"use_credit": use_credit, "method": method, "payment_method_id": payment_method_id}
        return self._send(
            "POST",
            f"/invoices/{invoice_id}/payments",
            models.InvoicePayment,
            body,
            idempotency_key=idempotency_key,
        )

    def get_invoice_pdf(self, invoice_id: int) -> tuple[bytes, str | None]:
        response = self.http.get(f"/invoices/{invoice_id}/pdf")
        match = _FILENAME.search(response.headers.get("content-disposition", ""))
        return response.content, match.group(1) if match else None

    def get_invoice_transfer_details(self, invoice_id: int) -> TransferDetails:
        return self._get(f"/invoices/{invoice_id}/transfer-details", models.TransferDetails)

"""The {result, error} envelope against the real server, pagination, and the re-send policy."""

from __future__ import annotations

import httpx
import pytest

from clientarea_cli.drivers.fossbilling import FossBillingDriver
from clientarea_cli.drivers.fossbilling.base import envelope_error, is_read
from clientarea_cli.drivers.http import RetryPolicy
from clientarea_cli.errors import (
    AnswerLost,
    AuthError,
    MalformedResponse,
    NotFound,
    NotSupported,
    UsageError,
)
from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling


@pytest.fixture
def driver(fb: FossBilling):
    d = FossBillingDriver(fb.url, fb.key)
    yield d
    d.close()


def test_http_200_with_an_error_is_an_error(driver: FossBillingDriver) -> None:
    with pytest.raises(NotFound, match=r"^Order not found$"):
        driver._call("order/get", {"id": 99999})
    with pytest.raises(UsageError, match=r"^FOSSBilling refused the request: Order id required$"):
        driver._call("order/get", {})
    with pytest.raises(NotSupported) as unknown:
        driver._call("order/no_such_method")
    assert unknown.value.exit_code == 6
    assert unknown.value.message == (
        "the fossbilling provider does not support the API method order/no_such_method"
    )


def test_a_wrong_key_is_exit_4(fb: FossBilling) -> None:
    bad = FossBillingDriver(fb.url, "not-a-real-key")
    try:
        with pytest.raises(AuthError) as caught:
            bad.get_account()
    finally:
        bad.close()
    assert caught.value.exit_code == 4


def test_pages_are_followed_past_the_first(fb_cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FossBillingDriver, "per_page", 2)
    result = fb_cli("--debug", "invoices", "list", "-o", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count('"number"') == 5
    pages = [line for line in result.stderr.splitlines() if "invoice/get_list?page=" in line]
    assert [p.rsplit("page=", 1)[1] for p in pages] == ["1", "2", "3"]
    limited = fb_cli("--debug", "wallet", "show", "-o", "json")
    assert limited.exit_code == 0, limited.stderr


def test_a_second_clients_key_sees_only_its_own(cli: CLI, fb: FossBilling) -> None:
    from tests.fossbilling.conftest import login

    login(cli, fb, fb.other_key)
    rows = cli("invoices", "list", "-o", "json")
    assert rows.exit_code == 0, rows.stderr
    assert '"id": 6' in rows.stdout
    assert '"id": 4' not in rows.stdout
    alice = cli("invoices", "show", "4")
    assert (alice.exit_code, alice.stdout) == (5, "")


def test_reads_are_re_sent_after_a_lost_answer_writes_never() -> None:
    sent: list[str] = []

    def lose(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        raise httpx.ReadTimeout("lost", request=request)

    retry = RetryPolicy(attempts=3, sleep=lambda _s: None)
    d = FossBillingDriver(
        "https://billing.example.test", "k", transport=httpx.MockTransport(lose), retry=retry
    )
    with pytest.raises(Exception, match="cannot reach the provider"):
        d._call("invoice/get_list")
    assert sent == ["/api/client/invoice/get_list"] * 3
    sent.clear()
    with pytest.raises(AnswerLost):  # never re-sent; ops/money.py makes a money one exit 9
        d._call("invoice/renewal_invoice", {"order_id": 3})
    assert sent == ["/api/client/invoice/renewal_invoice"]


def test_which_methods_count_as_reads() -> None:
    reads = ["invoice/get", "invoice/get_list", "order/service", "client/balance_get_list",
             "support/ticket_get", "servicedomain/get_transfer_code"]  # fmt: skip
    writes = ["invoice/renewal_invoice", "invoice/funds_invoice", "support/ticket_create",
              "servicedomain/update_nameservers", "servicedomain/lock", "profile/update"]  # fmt: skip
    assert all(is_read(m) for m in reads)
    assert not any(is_read(m) for m in writes)


def test_envelope_mapping_recorded_answers() -> None:
    """Answers recorded from FOSSBilling 0.5.6 (kit/exercise-client-api.sh)."""
    assert isinstance(envelope_error("x/y", 401, 204, "Authentication Failed"), AuthError)
    assert isinstance(
        envelope_error("x/y", 200, 740, "Client API call get does not exist"), NotSupported
    )
    assert isinstance(envelope_error("x/y", 200, 9999, "Invoice was not found"), NotFound)
    assert isinstance(envelope_error("x/y", 200, 9999, "Order id required"), UsageError)
    other = envelope_error("x/y", 200, 9999, "Can not cancel active order")
    assert (other.exit_code, other.message) == (
        1,
        "FOSSBilling refused x/y: Can not cancel active order",
    )


def test_an_answer_that_is_not_an_envelope_is_malformed() -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, text="<html>oops</html>"))
    d = FossBillingDriver("https://billing.example.test", "k", transport=transport)
    with pytest.raises(MalformedResponse, match="not a \\{result, error\\} envelope"):
        d._call("profile/get")


def test_domain_pages_answers_the_model_asked_for(driver: FossBillingDriver) -> None:
    """FOSSBilling lists every domain in one go: domain_pages gives them as one page, each in
    the model a bulk plan reads, with the values the whole Domain has."""
    from clientarea_cli.models import DomainFilter, RecurringTarget, SettingsTarget

    whole = driver.list_domains(DomainFilter(), limit=None).items
    assert whole
    [recurring] = list(driver.domain_pages(DomainFilter(), RecurringTarget))
    assert [(t.id, t.name, t.next_due_date, t.recurring) for t in recurring] == [
        (d.id, d.name, d.next_due_date, d.recurring) for d in whole
    ]
    [settings] = list(driver.domain_pages(DomainFilter(), SettingsTarget))
    assert all(isinstance(t, SettingsTarget) for t in settings)
    assert [(t.name, t.auto_renew, t.registrar_lock) for t in settings] == [
        (d.name, d.auto_renew, d.registrar_lock) for d in whole
    ]

"""The exception tree every layer raises, each class carrying its documented exit code.

    ClientAreaError                      1  generic failure
    ├── UsageError                       2  invalid input, caught before anything is sent
    │   └── ConfirmationRequired         2  a prompt was needed but there is no TTY (names the flag)
    ├── PartialFailure                   3  some items of a bulk run failed
    ├── AuthError                        4  missing, wrong or expired credentials
    ├── NotFound                         5  the object does not exist (or belongs to another account)
    ├── NotSupported                     6  the provider (driver) cannot do this operation
    ├── PaymentError                     7  payment refused or insufficient credit
    ├── RateLimited                      8  still rate-limited after the retries
    ├── OutcomeUnknown                   9  a money request was sent and its outcome is unknown
    ├── ProviderError                    1  the provider answered with an error we have no better class for
    │   └── MalformedResponse            1  the provider's answer could not be understood
    ├── NetworkError                     1  the provider could not be reached
    │   └── AnswerLost                   1  a request was sent, no answer came (ops/money.py makes a
    │                                       money request's one OutcomeUnknown)
    ├── SecretStoreError                 1  the keyring is missing, locked or timed out
    ├── Declined                         1  the user answered no to a confirmation; nothing was changed
    └── Interrupted                    130  Ctrl-C (KeyboardInterrupt is mapped at the CLI boundary)

Messages are one line and never contain secrets: they are built from method, path, status and the
provider's error code, never from raw httpx objects (whose reprs leak URLs and bodies).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from clientarea_cli.i18n import N_, _


class ExitCode(IntEnum):
    """Exit codes are part of the CLI's contract: docs/exit-codes.md lists them."""

    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    AUTH = 4
    NOT_FOUND = 5
    NOT_SUPPORTED = 6
    PAYMENT = 7
    RATE_LIMITED = 8
    OUTCOME_UNKNOWN = 9
    INTERRUPTED = 130


EXIT_CODE_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: N_("success (an empty list is a success too)"),
    ExitCode.ERROR: (
        N_(
            "error: the provider failed, could not be reached, or answered something unusable; "
            "or you answered no to a confirmation (nothing was changed)"
        )
    ),
    ExitCode.USAGE: N_("usage: invalid input or a missing confirmation flag; nothing was sent"),
    ExitCode.PARTIAL: N_("partial failure: some items of a bulk run failed (see stderr)"),
    ExitCode.AUTH: N_("authentication: no credentials, or the provider rejected them"),
    ExitCode.NOT_FOUND: N_("not found: the object does not exist in this account"),
    ExitCode.NOT_SUPPORTED: N_("not supported: the provider's driver cannot do this operation"),
    ExitCode.PAYMENT: N_("payment refused, card expired, or insufficient credit"),
    ExitCode.RATE_LIMITED: N_("rate-limited: the provider still refused after the retries"),
    ExitCode.OUTCOME_UNKNOWN: (
        N_(
            "outcome unknown: a request that moves money was sent and no usable answer came "
            "(lost, garbled, or Ctrl-C while waiting); it is journalled: settle it as the hint says "
            "(`journal reconcile`, or the printed --resume command)"
        )
    ),
    ExitCode.INTERRUPTED: (
        N_(
            "interrupted (Ctrl-C) with no money request in doubt; a bulk run keeps what it did not "
            "finish for the printed --resume command"
        )
    ),
}


class ClientAreaError(Exception):
    """Base of every error the CLI reports; `hint` is an optional second line telling what to do."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.details = details


class UsageError(ClientAreaError):
    exit_code = ExitCode.USAGE


class ConfirmationRequired(UsageError):
    """Raised instead of prompting when stdin/stdout is not a TTY or --no-input was given."""

    def __init__(self, flag: str = "--yes") -> None:
        super().__init__(
            _("confirmation required: run again with {flag} (no terminal to ask on)").format(
                flag=flag
            ),
        )
        self.flag = flag


class PartialFailure(ClientAreaError):
    exit_code = ExitCode.PARTIAL


class AuthError(ClientAreaError):
    exit_code = ExitCode.AUTH


class NotFound(ClientAreaError):
    exit_code = ExitCode.NOT_FOUND


class NotSupported(ClientAreaError):
    exit_code = ExitCode.NOT_SUPPORTED

    def __init__(self, operation: str, driver: str, *, hint: str | None = None) -> None:
        """`operation` is a marked phrase (`_("cancellation requests")`): the provider is the
        sentence's subject, so the verb agrees whether the operation is singular or plural."""
        super().__init__(
            _("the {driver} provider does not support {operation}").format(
                operation=operation, driver=driver
            ),
            hint=hint,
        )
        self.operation = operation
        self.driver = driver


class PaymentError(ClientAreaError):
    exit_code = ExitCode.PAYMENT


class RateLimited(ClientAreaError):
    exit_code = ExitCode.RATE_LIMITED


class OutcomeUnknown(ClientAreaError):
    exit_code = ExitCode.OUTCOME_UNKNOWN


class ProviderError(ClientAreaError):
    """The provider answered with an error status; `code` is its machine-readable error code."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        hint: str | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message, hint=hint, details=details)
        self.status = status
        self.code = code


class MalformedResponse(ProviderError):
    pass


class NetworkError(ClientAreaError):
    pass


class AnswerLost(NetworkError):
    """A request that changes something was sent and no answer came: it may or may not have
    taken effect. Exit 1; a money request's becomes OutcomeUnknown (exit 9) in ops/money.py."""


class SecretStoreError(ClientAreaError):
    pass


class Declined(ClientAreaError):
    """The user answered no (or typed something else) at a confirmation: nothing was changed."""


class Interrupted(ClientAreaError):
    exit_code = ExitCode.INTERRUPTED

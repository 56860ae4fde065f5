"""The root command: global options, and the table of lazily loaded command groups.

Keep this module's imports to typer and the standard library: it runs on every Tab press.
No `from __future__ import annotations` here: Typer reads the root's 14 options from the
annotations on every run, and string annotations would be compiled and evaluated each time.
"""

from typing import Annotated

import typer

from clientarea_cli import __version__
from clientarea_cli.cli import values
from clientarea_cli.cli.lazy import make_lazy_group
from clientarea_cli.i18n import _

COMMANDS = "clientarea_cli.cli.commands"
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "account": (
        f"{COMMANDS}.account",
        "Your account: details, password, security question, e-mail verification.",
    ),
    "affiliate": (f"{COMMANDS}.affiliate", "Your affiliate account: referral link, commissions."),
    "announcements": (f"{COMMANDS}.announcements", "The provider's announcements."),
    "auth": (f"{COMMANDS}.auth", "Log in, log out, and see where the API key comes from."),
    "billing": (f"{COMMANDS}.billing", "Renewals coming due, and how they will be paid."),
    "catalog": (f"{COMMANDS}.catalog", "Products you can order: groups, cycles and prices."),
    "completion": (f"{COMMANDS}.completion", "Print the shell completion script."),
    "contacts": (
        f"{COMMANDS}.contacts",
        "Contacts of the account: who receives which e-mails, billing contacts.",
    ),
    "demo": (f"{COMMANDS}.demo", "Try clientarea on the embedded sandbox provider."),
    "domains": (
        f"{COMMANDS}.domains",
        "Domains: list, renew, recurring payment, DNS, bulk changes.",
    ),
    "downloads": (f"{COMMANDS}.downloads", "Files the provider offers you."),
    "emails": (f"{COMMANDS}.emails", "The e-mails the provider sent you."),
    "help": (f"{COMMANDS}.help", "Help topics: exit codes, environment, formats."),
    "invoices": (f"{COMMANDS}.invoices", "List and inspect invoices."),
    "journal": (
        f"{COMMANDS}.journal",
        "Bulk runs and money requests recorded on this machine: --resume, reconcile.",
    ),
    "kb": (f"{COMMANDS}.kb", "The provider's knowledgebase: categories, search, articles."),
    "order": (
        f"{COMMANDS}.order",
        "Order a product or a domain: the total is shown, then confirmed.",
    ),
    "payment-methods": (
        f"{COMMANDS}.payment_methods",
        "Cards and bank direct debits on the account.",
    ),
    "profiles": (f"{COMMANDS}.profiles", "List, switch and remove provider profiles."),
    "sandbox": (
        f"{COMMANDS}.sandbox",
        "Run, reset or advance the sandbox provider, or act as its back office (local, for trying).",
    ),
    "status": (
        f"{COMMANDS}.status",
        "The account on one screen: balance, invoices due, renewals, warnings.",
    ),
    "services": (
        f"{COMMANDS}.services",
        "Services: list, cancel, upgrade, options, add-ons, panel access, mailboxes.",
    ),
    "tickets": (f"{COMMANDS}.tickets", "Support tickets: open, list, read, reply, close."),
    "version": (f"{COMMANDS}.version", "Show the version of clientarea and its environment."),
    "wallet": (
        f"{COMMANDS}.wallet",
        "Account credit: balance, movements, top-ups by card or transfer.",
    ),
}

app = typer.Typer(
    cls=make_lazy_group(SUBCOMMANDS),
    name="clientarea",
    help="The hosting client area in the terminal.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(_("clientarea {version__}").format(version__=__version__))
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            "-p",
            envvar="CLIENTAREA_PROFILE",
            help="Profile to use.",
            metavar="NAME",
            autocompletion=values.profiles,
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="table, json, jsonl, csv or tsv.",
            metavar="FORMAT",
            autocompletion=values.FORMAT_VALUES,
        ),
    ] = "table",
    columns: Annotated[
        str | None, typer.Option("--columns", help="Fields to show.", metavar="A,B")
    ] = None,
    no_headers: Annotated[bool, typer.Option("--no-headers", help="Omit header rows.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Answer yes to confirmations.")] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", envvar="CLIENTAREA_NO_INPUT", help="Never prompt."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Trace HTTP on stderr (secrets redacted).")
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            help="auto, always or never.",
            metavar="WHEN",
            autocompletion=values.COLOR_VALUES,
        ),
    ] = "auto",
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="CLIENTAREA_LANG",
            help="Language of messages, help and tables: en or es (default: config, then LANG).",
            metavar="LANG",
            autocompletion=values.LANGUAGE_VALUES,
        ),
    ] = None,
    query: Annotated[
        str | None,
        typer.Option(
            "--query", help="Filter the JSON output (implies -o json).", metavar="JMESPATH"
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No notices; lists print ids only.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", help="Say everything (every invoice of a bulk run)."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """The hosting client area in the terminal: services, domains, wallet, invoices and more.

    Start with `clientarea demo` to try it on the built-in sandbox provider.
    """
    from clientarea_cli.cli.context import AppContext, GlobalOptions

    options = GlobalOptions(
        profile=profile,
        output=output,
        columns=columns,
        no_headers=no_headers,
        yes=yes,
        no_input=no_input,
        debug=debug,
        color=color,
        quiet=quiet,
        verbose=verbose,
        query=query,
        lang=lang,
    )
    options.check()
    ctx.obj = AppContext(options)


def main() -> None:
    import os

    if "_CLIENTAREA_COMPLETE" in os.environ:
        # A Tab press: answered without the error boundary (completion speed is a feature).
        from clientarea_cli.cli.shells import complete

        complete(app)
    from clientarea_cli.cli.errors import run

    run(app)

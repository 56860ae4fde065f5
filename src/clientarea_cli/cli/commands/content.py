"""What the provider publishes or sent: `emails`, `announcements`, `kb`, `downloads` and
`affiliate` (each group is registered from its own small module, which imports its app here)."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clientarea_cli.cli.context import DEFAULT_LIMIT, AppContext
from clientarea_cli.cli.options import AllOpt, LimitOpt, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.output.render import Renderer

emails_app = typer.Typer(help="The e-mails the provider sent you.", no_args_is_help=True)
announcements_app = typer.Typer(help="The provider's announcements.", no_args_is_help=True)
kb_app = typer.Typer(
    help="The provider's knowledgebase: categories, search, articles.", no_args_is_help=True
)
downloads_app = typer.Typer(help="Files the provider offers you.", no_args_is_help=True)
affiliate_app = typer.Typer(
    help="Your affiliate account: referral link, commissions.", no_args_is_help=True
)

IdArg = Annotated[int, typer.Argument(metavar="ID", help="The id (see the list).")]


def _document(renderer: "Renderer", item: Any, head: list[tuple[str, Any]], body: str) -> None:
    """Key/values, a blank line, then the text; JSON and the rest get the model itself."""
    if not renderer.own_layout:
        renderer.one(item)
        return
    renderer.key_values(head)
    renderer.stdout.write("\n" + body.rstrip("\n") + "\n")


# -- e-mails ------------------------------------------------------------------------------------


@emails_app.command("list")
def emails_list(
    ctx: typer.Context,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("EmailSummary")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the e-mails the provider sent to the account, newest first.

    Example: clientarea emails list --limit 10
    """
    from clientarea_cli.models import EmailSummary
    from clientarea_cli.ops import content, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = content.list_emails(app_ctx.driver(), count)
    renderer.listing(listing.items, EmailSummary, total=listing.total, what="e-mails")


@emails_app.command("show")
def emails_show(ctx: typer.Context, email_id: IdArg, output: OutputOpt = None) -> None:
    """Show one e-mail with its text.

    Example: clientarea emails show 805
    """
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    email = content.get_email(app_ctx.driver(), email_id)
    head = [("date", email.date), ("to", email.to), ("subject", email.subject)]
    _document(renderer, email, head, email.body)


# -- announcements ------------------------------------------------------------------------------


@announcements_app.command("list")
def announcements_list(
    ctx: typer.Context,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Announcement")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the provider's announcements, newest first.

    Example: clientarea announcements list
    """
    from clientarea_cli.models import Announcement
    from clientarea_cli.ops import content, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = content.list_announcements(app_ctx.driver(), count)
    renderer.listing(listing.items, Announcement, total=listing.total, what="announcements")


@announcements_app.command("show")
def announcements_show(
    ctx: typer.Context, announcement_id: IdArg, output: OutputOpt = None
) -> None:
    """Show one announcement.

    Example: clientarea announcements show 3
    """
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    item = content.get_announcement(app_ctx.driver(), announcement_id)
    _document(renderer, item, [("date", item.date), ("title", item.title)], item.body)


# -- knowledgebase ------------------------------------------------------------------------------


@kb_app.command("categories")
def kb_categories(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("KbCategory")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the knowledgebase categories and how many articles each holds.

    Example: clientarea kb categories
    """
    from clientarea_cli.models import KbCategory
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.listing(content.list_kb_categories(app_ctx.driver()), KbCategory, what="categories")


@kb_app.command("search")
def kb_search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for.")],
    category: Annotated[
        int | None, typer.Option(help="Only this category (id).", metavar="ID")
    ] = None,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("KbArticleSummary")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Search the knowledgebase: articles holding every word, best match first.

    Example: clientarea kb search "dns propagation"
    """
    from clientarea_cli.models import KbArticleSummary
    from clientarea_cli.ops import content, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = content.search_kb(app_ctx.driver(), query, category, count)
    renderer.listing(listing.items, KbArticleSummary, total=listing.total, what="articles")


@kb_app.command("show")
def kb_show(ctx: typer.Context, article_id: IdArg, output: OutputOpt = None) -> None:
    """Show one knowledgebase article.

    Example: clientarea kb show 5
    """
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    item = content.get_kb_article(app_ctx.driver(), article_id)
    head = [("title", item.title), ("category", item.category_id), ("updated", item.updated_at)]
    _document(renderer, item, head, item.body)


# -- downloads ----------------------------------------------------------------------------------


@downloads_app.command("list")
def downloads_list(
    ctx: typer.Context,
    limit: LimitOpt = None,
    all_items: AllOpt = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Download")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the files you may download (some only for customers of a product).

    Example: clientarea downloads list
    """
    from clientarea_cli.models import Download
    from clientarea_cli.ops import content, filters

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    count = filters.parse_limit(limit, all_items=all_items, default=DEFAULT_LIMIT)
    listing = content.list_downloads(app_ctx.driver(), count)
    renderer.listing(listing.items, Download, total=listing.total, what="downloads")


@downloads_app.command("get")
def downloads_get(
    ctx: typer.Context,
    download_id: IdArg,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-O",
            help="Save as FILE (- for stdout); default: its own name.",
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Download a file into the current folder under its own name (or -O FILE).

    Example: clientarea downloads get 1 -O quick-start.pdf
    """
    from clientarea_cli.config.atomic import write_user_file
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    data, name = content.download(app_ctx.driver(), download_id)
    if output_file is not None and str(output_file) == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:  # a text-only stream (tests): the bytes as text
            sys.stdout.write(data.decode("utf-8", "replace"))
        return
    target = content.save_target(output_file or Path(name), force=force)
    write_user_file(target, data)  # a temp file renamed: never half a file under its name
    app_ctx.renderer().notice(
        _("saved {target} ({count} bytes)").format(target=target, count=len(data))
    )


# -- affiliate ----------------------------------------------------------------------------------


@affiliate_app.command("show")
def affiliate_show(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Affiliate")] = None,
) -> None:
    """Show the affiliate account: referral link, visitors, sign-ups and commissions.

    Example: clientarea affiliate show
    """
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    affiliate = content.get_affiliate(app_ctx.driver())
    renderer.one(affiliate)
    if not affiliate.active and renderer.is_table:
        renderer.notice(_("hint: activate it with `clientarea affiliate activate`"))


@affiliate_app.command("activate")
def affiliate_activate(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would happen; send nothing.")
    ] = False,
    output: OutputOpt = None,
) -> None:
    """Activate your affiliate account (once per account) and show its referral link.

    Example: clientarea affiliate activate
    """
    from clientarea_cli.ops import content

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    if dry_run:
        renderer.notice(_("dry run: nothing was sent; the affiliate account would be activated"))
        return
    renderer.one(content.activate_affiliate(app_ctx.driver()))

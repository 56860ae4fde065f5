"""`nameservers set`: the name servers from the command line, a file's rows, or both."""

from __future__ import annotations

from clientarea_cli.errors import UsageError
from clientarea_cli.i18n import _
from clientarea_cli.ops import validate
from clientarea_cli.ops.bulk.actions import Nameservers
from clientarea_cli.ops.bulk.target_file import TargetRow


def nameservers_action(
    servers: list[str], rows: list[TargetRow], source: str, *, only_file: bool
) -> Nameservers:
    """The action: a row's own name servers (`ns1`…`nsN` or `nameservers`) win; the ones on the
    command line go to every other target. `only_file`: the file names every target (no
    `--domain`, `--all` or name without it), so the command line may give none."""
    own = {
        validate.domain_ref(row.ref): validate.nameserver_list(
            row.nameservers, f"{source}, line {row.line}"
        )
        for row in rows
        if row.nameservers
    }
    bare = [row for row in rows if not row.nameservers]
    if servers or bare or not own or not only_file:
        if not servers and own:
            where = (
                _("{source}, line {line}").format(source=source, line=bare[0].line)
                if bare
                else _("the domains not in the file")
            )
            raise UsageError(
                _("{where}: no name servers for this domain").format(where=where),
                hint=_("give them on the command line, or in columns ns1…nsN of every row"),
            )
        servers = validate.nameserver_list(servers)
    return Nameservers(nameservers=servers, per_domain=own)

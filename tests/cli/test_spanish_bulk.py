"""A bulk run's summary in Spanish: the counts read in the user's language (a cron mail shows
this line)."""

from __future__ import annotations

import re

from tests.conftest import CLI


def test_the_summary_of_a_bulk_run_counts_in_spanish(spanish: CLI) -> None:
    result = spanish("domains", "autorenew", "on", "--all", "--yes")

    assert result.exit_code == 3  # four domains are expired or pending: they cannot change
    lines = result.stderr.splitlines()
    summary = re.sub(r"ejecución [0-9a-f]{12}", "ejecución ID", lines[-3])
    assert summary == (
        "renovación automática activada: 12 con éxito, 4 con error, 28 sin cambios (ejecución ID)"
    )
    assert lines[-2] == "error: fallaron 4 de 16 dominio(s)"

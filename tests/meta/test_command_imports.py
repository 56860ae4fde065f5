"""An API command imports the models it uses, not all of them (issue 12: start-up cost)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clientarea_cli.output.columns import DEFAULT_COLUMNS, KEY_FIELDS
from tests.conftest import TODAY
from tests.meta.test_startup_imports import probe

UNRELATED_MODELS = (
    "clientarea_cli.models.support",
    "clientarea_cli.models.lifecycle",
    "clientarea_cli.models.content",
    "clientarea_cli.models.catalog",
    "clientarea_cli.models.payments",
)


@pytest.fixture
def served_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    from clientarea_cli.sandbox import DEMO_API_KEY, SandboxApp, reset_database
    from clientarea_cli.sandbox.server import serve

    db = tmp_path / "served.db"
    reset_database(db, TODAY)
    server = serve(SandboxApp(str(db)))
    config = tmp_path / "config.toml"
    config.write_text(
        f'current_profile = "t"\n[profiles.t]\nurl = "{server.url}"\n'
        'driver = "clientarea"\ntoken_store = "keyring"\n'
    )
    try:
        yield {
            "HOME": str(tmp_path),
            "CLIENTAREA_CONFIG": str(config),
            "CLIENTAREA_TOKEN": DEMO_API_KEY,
        }
    finally:
        server.shutdown()


def test_domains_list_imports_only_the_models_it_uses(
    tmp_path: Path, served_env: dict[str, str]
) -> None:
    modules, stdout = probe(tmp_path, ["domains", "list", "-o", "json"], served_env)
    assert '"name": "antiguo-blog.net"' in stdout
    assert "clientarea_cli.models.domains" in modules
    assert [m for m in UNRELATED_MODELS if m in modules] == []


def test_domains_table_imports_no_rich_and_no_bulk_models(
    tmp_path: Path, served_env: dict[str, str]
) -> None:
    """The table path (issue 12 item 1) costs what the JSON path does: plain-text tables, and the
    card label of a recurring payment without the bulk engine's or the contacts' models."""
    modules, stdout = probe(tmp_path, ["domains", "list"], served_env)
    assert (
        "ana.dev                active   2028-11-18   yes         Visa ···4242         15.00 EUR"
    ) in stdout.splitlines()
    unwanted = [
        m
        for m in modules
        if m.split(".")[0] == "rich"
        or m.startswith("clientarea_cli.ops.bulk")
        or m == "clientarea_cli.models.bulk"
    ]
    assert sorted(unwanted) == []
    # The driver reads bulk answers with three small models, not the eleven of domain records.
    assert "clientarea_cli.models.domain_records" not in modules
    assert [m for m in (*UNRELATED_MODELS, "clientarea_cli.models.account") if m in modules] == []


def test_models_package_imports_submodules_on_first_use(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import clientarea_cli.models as m\n"
        "before = sorted(n for n in sys.modules if n.startswith('clientarea_cli.models.'))\n"
        "from clientarea_cli.models import Ticket\n"
        "after = sorted(n for n in sys.modules if n.startswith('clientarea_cli.models.'))\n"
        "print(before, 'clientarea_cli.models.support' in after, Ticket.__name__)\n"
        "print(m.Domain.__module__, sorted(m.__all__) == sorted(set(m.__all__)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "[] True Ticket\nclientarea_cli.models.domains True\n"


def test_every_name_the_models_package_offers_resolves() -> None:
    import clientarea_cli.models as models

    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    with pytest.raises(AttributeError):
        _ = models.NoSuchModel  # type: ignore[attr-defined]


def test_default_columns_name_real_models_and_fields() -> None:
    import importlib
    import pkgutil

    import clientarea_cli.models as models

    classes = {}
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"clientarea_cli.models.{info.name}")
        classes.update({k: v for k, v in vars(module).items() if isinstance(v, type)})
    for name, columns in DEFAULT_COLUMNS.items():
        assert name in classes, name
        assert set(columns) <= set(classes[name].model_fields), name
    for name, key in KEY_FIELDS.items():
        assert key in classes[name].model_fields, name

"""Reading target files, and what a target spec refuses before anything is sent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientarea_cli.errors import UsageError
from clientarea_cli.models import DomainFilter
from clientarea_cli.ops.bulk.targets import TargetSpec, parse_target_file


def test_plain_lines_skip_blanks_and_comments() -> None:
    text = "\ufeff# my domains\nexample.es\n\n  anagarcia.com  \n#old.net\n"
    assert parse_target_file(text) == ["example.es", "anagarcia.com"]


def test_csv_with_a_domain_column() -> None:
    text = "id,domain,owner\n1,example.es,ana\n2,anagarcia.com,ana\n"
    assert parse_target_file(text) == ["example.es", "anagarcia.com"]


def test_csv_header_only_domain() -> None:
    assert parse_target_file("domain\nexample.es\n") == ["example.es"]


def test_csv_without_domain_column_is_refused() -> None:
    with pytest.raises(UsageError, match="no 'domain' column"):
        parse_target_file("id,name\n1,example.es\n", "names.csv")


def test_csv_empty_value_names_the_line() -> None:
    with pytest.raises(UsageError, match=r"names.csv, line 3: empty 'domain'"):
        parse_target_file("id,domain\n1,example.es\n2,\n", "names.csv")


def test_ndjson() -> None:
    text = '{"domain": "example.es", "x": 1}\n\n{"domain": "anagarcia.com"}\n'
    assert parse_target_file(text) == ["example.es", "anagarcia.com"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"domain": "a.es"}\n{broken\n', "line 2: not valid JSON"),
        ('{"domain": "a.es"}\n{"name": "b.es"}\n', "line 2: no 'domain' string"),
    ],
)
def test_ndjson_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_target_file(text)


def test_empty_file_names_nothing() -> None:
    assert parse_target_file("  \n\n") == []


@given(st.lists(st.from_regex(r"[a-z0-9-]{1,20}\.(es|com|dev)", fullmatch=True), max_size=30))
def test_plain_lines_round_trip(names: list[str]) -> None:
    assert parse_target_file("\n".join(names)) == names


def test_a_spec_must_name_something() -> None:
    with pytest.raises(UsageError, match="name the domains to act on"):
        TargetSpec().check()


def test_all_does_not_mix_with_names() -> None:
    with pytest.raises(UsageError, match="--all cannot be combined"):
        TargetSpec(refs=["a.es"], all=True).check()


def test_filters_alone_are_enough() -> None:
    TargetSpec(filters=DomainFilter(tld="es")).check()

"""Reading target files, and what a target spec refuses before anything is sent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientarea_cli.errors import UsageError
from clientarea_cli.models import DomainFilter
from clientarea_cli.ops.bulk.target_file import TargetRow, parse_rows
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
    with pytest.raises(UsageError, match=r"no 'domain' \(or 'name'\) column"):
        parse_target_file("owner,host\nana,example.es\n", "names.csv")


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
        ('{"domain": "a.es"}\n{"host": "b.es"}\n', "line 2: no 'domain' string"),
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


# -- what spreadsheets and the CLI itself write ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "dominio;domain;notas\nx;example.es;a, b\ny;anagarcia.com;\n",  # Spanish-locale CSV
        "sep=;\ndomain;notas\nexample.es;x\nanagarcia.com;y\n",  # Excel's delimiter line
        "name\tstatus\nexample.es\tactive\nanagarcia.com\tactive\n",  # -o tsv
        "name,status,expiry_date\nexample.es,active,2027-01-01\nanagarcia.com,active,2027-01-01\n",
        '[{"id": 1, "name": "example.es"}, {"id": 2, "name": "anagarcia.com"}]',  # -o json
        '[\n  "example.es",\n  "anagarcia.com"\n]\n',
        '{"id": 1, "name": "example.es"}\n{"id": 2, "name": "anagarcia.com"}\n',  # -o jsonl
    ],
)
def test_the_forms_spreadsheets_and_the_cli_write(text: str) -> None:
    assert parse_target_file(text) == ["example.es", "anagarcia.com"]


def test_a_comment_with_commas_does_not_make_a_plain_list_csv() -> None:
    assert parse_target_file("# mine, 2026\nexample.es\n") == ["example.es"]


def test_ids_in_json_are_refs() -> None:
    assert parse_target_file('[{"id": 1002}]') == ["1002"]


def test_per_row_name_servers_from_columns_or_a_field() -> None:
    text = "domain;ns1;ns2;ns3\nexample.es;ns1.a.net;ns2.a.net;\nanagarcia.com;;;\n"
    assert parse_rows(text) == [
        TargetRow("example.es", 2, ["ns1.a.net", "ns2.a.net"]),
        TargetRow("anagarcia.com", 3, []),
    ]
    listed = 'name,nameservers\nexample.es,"ns1.b.net, ns2.b.net"\n'
    assert parse_rows(listed) == [TargetRow("example.es", 2, ["ns1.b.net", "ns2.b.net"])]
    jsonl = '{"domain": "example.es", "nameservers": ["ns1.c.net", "ns2.c.net"]}\n'
    assert parse_rows(jsonl)[0].nameservers == ["ns1.c.net", "ns2.c.net"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"name": "a.es"}, 7]', r"f.json, item 2: not an object"),
        ('[{"name": "a.es"},', r"f.json, line 1: not valid JSON"),
        ('{"name": "a.es", "nameservers": 5}', r"f.json, line 1: 'nameservers' is not a list"),
        ("domain;ns1\na.es;x\n;y\n", r"f.json, line 3: empty 'domain' value"),
    ],
)
def test_bad_rows_name_their_place(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_target_file(text, "f.json")

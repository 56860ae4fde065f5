"""The Client Area API contract (docs/openapi.yaml) is valid and keeps its promises.

PyYAML and openapi-spec-validator come with the dev extras.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openapi_spec_validator
import pytest
import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
METHODS = ("get", "post", "put", "patch", "delete")
LIST_ENVELOPE = "#/components/schemas/ListEnvelope"
IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def prose() -> str:
    return (DOCS / "client-area-api.md").read_text(encoding="utf-8")


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method])
        for path, item in spec["paths"].items()
        for method in METHODS
        if method in item
    ]


def resolve(spec: dict[str, Any], obj: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in obj:
        node: Any = spec
        for part in obj["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        obj = node
    return obj


def parameter_refs(op: dict[str, Any]) -> list[str]:
    return [p.get("$ref", "") for p in op.get("parameters", [])]


def test_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    validator = openapi_spec_validator
    assert spec["openapi"] == "3.1.0"
    validator.validate(spec)


def test_every_endpoint_of_the_prose_is_in_the_contract(spec: dict[str, Any], prose: str) -> None:
    missing = []
    pattern = r"((?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*)\s+(/v1/[^\s`]+)"
    for match in re.finditer(pattern, prose):
        path = re.sub(r"\{renewal\|[^}]*\}", "{action}", match.group(2).split("?")[0])
        for method in match.group(1).lower().split("|"):
            if method not in spec["paths"].get(path, {}):
                missing.append(f"{method.upper()} {path}")
    for match in re.finditer(r"`(/v1/[a-z][^`\s]*)`", prose):
        if match.group(1).split("?")[0] not in spec["paths"]:
            missing.append(match.group(1))
    assert missing == []


def test_operations_have_unique_ids_and_summaries(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids))
    assert all(op.get("summary") for _, _, op in operations(spec))


def test_every_response_carries_the_provider_date(spec: dict[str, Any]) -> None:
    missing = [
        f"{op['operationId']} {status}"
        for _, _, op in operations(spec)
        for status, response in op["responses"].items()
        if "X-Provider-Date" not in resolve(spec, response).get("headers", {})
    ]
    assert missing == []


def test_only_provider_and_password_reset_need_no_auth(spec: dict[str, Any]) -> None:
    public = {op["operationId"] for _, _, op in operations(spec) if op.get("security") == []}
    assert public == {"getProvider", "requestPasswordReset"}
    assert spec["security"] == [{"bearerAuth": []}]


def test_keyed_posts_are_the_documented_ones_and_document_replays(spec: dict[str, Any]) -> None:
    keyed = {
        op["operationId"]: op
        for _, _, op in operations(spec)
        if IDEMPOTENCY_KEY in parameter_refs(op)
    }
    section = spec["info"]["description"].split("## Idempotency")[1].split("Other POSTs")[0]
    documented = set(re.findall(r"`([a-z][A-Za-z]+)`", section))
    assert set(keyed) == documented
    for op_id, op in keyed.items():
        assert {"400", "409", "422"} <= set(op["responses"]), op_id
        for status, response in op["responses"].items():
            if status.startswith("2"):
                assert "Idempotent-Replayed" in resolve(spec, response)["headers"], op_id


def test_money_moving_operations_are_keyed(spec: dict[str, Any]) -> None:
    money = {"payInvoice", "createTopUp", "renewDomain", "bulkDomains", "createOrder"}
    keyed = {
        op["operationId"] for _, _, op in operations(spec) if IDEMPOTENCY_KEY in parameter_refs(op)
    }
    assert money <= keyed


def test_list_endpoints_answer_the_envelope(spec: dict[str, Any]) -> None:
    for _, method, op in operations(spec):
        paged = "#/components/parameters/Page" in parameter_refs(op)
        schema = op["responses"].get("200", {}).get("content", {}).get("application/json", {})
        enveloped = schema.get("schema", {}).get("allOf", [{}])[0].get("$ref") == LIST_ENVELOPE
        assert paged == enveloped, op["operationId"]
        if paged:
            assert method == "get", op["operationId"]
            assert "#/components/parameters/PerPage" in parameter_refs(op), op["operationId"]


def test_every_error_code_of_the_prose_has_a_response(spec: dict[str, Any], prose: str) -> None:
    table = prose.split("| status | codes |")[1].split("\n\n", maxsplit=1)[0]
    codes = set(re.findall(r"`([a-z_]+)`", table)) - {"details"}
    declared: set[str] = set()
    for response in spec["components"]["responses"].values():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        for part in schema.get("allOf", []):
            code = part.get("properties", {}).get("error", {}).get("properties", {}).get("code", {})
            declared |= set(code.get("enum", [code.get("const")]))
    assert codes <= declared


def test_bulk_endpoint_shape(spec: dict[str, Any]) -> None:
    item = spec["paths"]["/v1/domains/bulk/{action}"]
    (action,) = [p for p in item["parameters"] if p.get("name") == "action"]
    assert action["schema"]["enum"] == [
        "renewal",
        "recurring",
        "auto-renew",
        "lock",
        "privacy",
        "nameservers",
    ]
    body = spec["components"]["schemas"]["BulkRequest"]["properties"]["items"]
    assert body["maxItems"] == 1000
    result = spec["components"]["schemas"]["BulkResult"]
    assert set(result["required"]) == {"domain", "ok", "status", "error", "data"}


def test_money_is_a_decimal_string_with_a_currency(spec: dict[str, Any]) -> None:
    money = spec["components"]["schemas"]["Money"]
    assert money["properties"]["amount"]["type"] == "string"
    assert money["properties"]["amount"]["pattern"] == r"^-?[0-9]+(\.[0-9]+)?$"
    assert money["properties"]["currency"]["pattern"] == "^[A-Z]{3}$"
    assert money["additionalProperties"] is False

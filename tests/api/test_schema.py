"""The API's OpenAPI description: committed, current, served, and readable offline."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

COMMITTED = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"


def test_the_committed_description_is_the_one_the_code_generates(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")

    assert generated.read_text() == COMMITTED.read_text(), (
        "docs/api/openapi.yaml is out of date with the API: regenerate it with `make schema` "
        "(python manage.py spectacular --file docs/api/openapi.yaml --validate --fail-on-warn) and commit it."
    )


def test_every_operation_has_a_stable_id_a_tag_and_its_errors():
    schema = yaml.safe_load(COMMITTED.read_text())
    operations = [
        (method, path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]

    assert len(operations) == 24
    assert len({operation["operationId"] for _, _, operation in operations}) == len(operations)
    for method, path, operation in operations:
        assert operation["tags"] and operation["summary"], (method, path)
        assert "429" in operation["responses"], (method, path)
        errors = [code for code in operation["responses"] if code.startswith("4")]
        for code in errors:
            body = operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]
            assert body.rsplit("/", 1)[1] in {
                "Error",
                "ValidationError",
                "EditConflictError",
                "ObservationEditConflictError",
                "WindowClosedError",
                "TooLongError",
                "IncompleteReplyError",
            }, (method, path, code)
    conflict = schema["paths"]["/rounds/{slug}/replies/{iso2}/answers/{number}/"]["put"]["responses"]["409"]
    assert conflict["content"]["application/json"]["schema"]["$ref"].endswith("/EditConflictError")
    assert "current" in schema["components"]["schemas"]["EditConflictError"]["properties"]
    observation = schema["paths"]["/rounds/{slug}/observations/{id}/"]["put"]["responses"]
    assert observation["409"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ObservationEditConflictError"
    )
    assert (
        "403" in observation
        and "current" in schema["components"]["schemas"]["ObservationEditConflictError"]["properties"]
    )
    too_long = schema["paths"]["/rounds/{slug}/replies/{iso2}/answers/{number}/"]["put"]["responses"]["400"]
    assert too_long["content"]["application/json"]["schema"]["$ref"].endswith("/TooLongError")
    assert {"field", "limit"} <= set(schema["components"]["schemas"]["TooLongError"]["properties"])
    incomplete = schema["paths"]["/rounds/{slug}/replies/{iso2}/submit/"]["post"]["responses"]["409"]
    assert incomplete["content"]["application/json"]["schema"]["$ref"].endswith("/IncompleteReplyError")
    assert "missing" in schema["components"]["schemas"]["IncompleteReplyError"]["properties"]
    assert set(schema["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}
    assert schema["servers"] == [{"url": "/api/v1", "description": "This portal"}]


def test_the_description_is_served_in_yaml_and_in_json(client):
    as_yaml = client.get("/api/schema/")
    as_json = client.get("/api/schema/", {"format": "json"})

    assert as_yaml.status_code == 200 and as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.safe_load(as_yaml.content)["info"]["title"] == "Lanzarote Committee monitoring portal API"
    assert as_json.status_code == 200 and as_json.json()["info"]["version"] == "1"
    assert "/rounds/{slug}/replies/{iso2}/answers/{number}/" in as_json.json()["paths"]


def test_the_docs_page_loads_no_script_from_elsewhere_and_none_inline(client):
    page = client.get("/api/docs/")
    script = client.get("/api/docs/", {"script": ""})

    assert page.status_code == 200
    html = page.content.decode()
    assert "https://" not in html and "http://" not in html
    assert "<script>" not in html  # every script is a file: the page works under a strict CSP
    assert '<script src="/static/' in html
    assert script.status_code == 200 and "/api/schema/" in script.content.decode()

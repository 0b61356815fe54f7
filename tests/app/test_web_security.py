from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from api.main import WEB_DIR


class ScriptCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_code = ""
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
            self.in_script = True
        for name, value in attrs:
            assert not name.startswith("on"), f"inline event handler {name}"
            assert not (value or "").startswith(("http://", "https://", "//")), f"third-party asset {value}"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.inline_code += data.strip()


PAGES = ("/", "/widget", "/zoeken", "/privacy", "/widget-demo", "/docs")


def test_pages_send_a_csp_without_unsafe_inline(client: TestClient) -> None:
    for path in (*PAGES, "/api/health"):
        csp = client.get(path).headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "script-src 'self'" in csp


def test_html_pages_have_no_inline_scripts_or_third_party_assets(client: TestClient) -> None:
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        collector = ScriptCollector()
        collector.feed(page.text)
        assert all(script.get("src") for script in collector.scripts), path
        assert collector.inline_code == "", path
    # Every page but the privacy notice needs its script; a page that loads none is a broken template.
    for path in ("/", "/widget", "/zoeken", "/widget-demo"):
        collector = ScriptCollector()
        collector.feed(client.get(path).text)
        assert collector.scripts, f"{path} loads no script"


def test_static_assets_make_no_third_party_requests() -> None:
    assets = [a for a in (WEB_DIR / "static").rglob("*") if a.suffix in {".js", ".css"}]
    assert len(assets) >= 5
    for asset in assets:
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), asset.name
        # ES modules may only import the project's own files.
        for target in re.findall(r"\bfrom\s+[\"']([^\"']+)[\"']", text):
            assert target.startswith("./"), f"{asset.name} imports {target}"


def test_chat_page_and_docs_are_served_locally(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'role="log"' in page.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/vendor/swagger/swagger-ui-bundle.js" in docs.text
    assert client.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/chat"]

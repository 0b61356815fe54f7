"""Playwright on Debian's Chromium, for the browser tests.

Every request the pages make is checked: anything not addressed to the project's own server is
blocked and recorded, and a test fails when a page tried one (no CDN, no tracker, no font host).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "var" / "screenshots"
# The flags Chromium needs on these machines: no sandbox as root, and no background calls to
# Google's services, which the closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's 'chromium' (scripts/ensure_chromium.sh does, as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Site:
    context: BrowserContext
    base_url: str
    foreign_requests: list[str] = field(default_factory=list)

    def open(self, path: str, page: Page | None = None) -> Page:
        page = page or self.context.new_page()
        page.goto(self.base_url + path)
        return page


@contextmanager
def site_for(browser: Browser, base_url: str, **options: Any) -> Iterator[Site]:
    context = browser.new_context(base_url=base_url, **options)
    site = Site(context, base_url)

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            site.foreign_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    try:
        yield site
    finally:
        context.close()
    assert site.foreign_requests == [], f"requests to other sites: {site.foreign_requests}"


def serious_accessibility_problems(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of impact serious or critical (the WCAG 2.1 A and AA rules and best practices)."""
    # Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)
        }))"""
    )
    for violation in violations:
        print(f"axe: {violation['impact']}: {violation['id']}: {violation['help']} {violation['nodes']}")
    return [v for v in violations if v["impact"] in {"serious", "critical"}]


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def dom_content_loaded_ms(page: Page) -> float:
    timing: float = page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    return timing


def record_timing(name: str, milliseconds: float) -> None:
    """Kept with the screenshots, so a slow page shows up in the run's output folder too."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "timings.json"
    timings = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    timings[name] = round(milliseconds, 1)
    path.write_text(json.dumps(timings, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def focus_by_tab(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with Tab")

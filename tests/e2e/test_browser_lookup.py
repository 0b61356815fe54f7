"""The professionals' lookup page in a real browser, against the whole running stack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.browser import (
    Site,
    dom_content_loaded_ms,
    focus_by_tab,
    record_timing,
    screenshot,
    serious_accessibility_problems,
    site_for,
)
from tests.e2e.conftest import Stack

pytestmark = pytest.mark.stack


@pytest.fixture
def site(browser: Browser, stack: Stack) -> Iterator[Site]:
    with site_for(browser, stack.base_url, viewport={"width": 1100, "height": 900}) as opened:
        yield opened


def api_route(stack: Stack, body: dict[str, Any]) -> list[str]:
    response = httpx.post(f"{stack.base_url}/api/route", json=body, timeout=30)
    assert response.status_code == 200, response.text
    return [r["actor"]["name"] for r in response.json()["recommendations"]]


def shown_route(page: Page) -> list[str]:
    names: list[str] = page.locator("ol.route > li .actor h3").evaluate_all(
        "headings => headings.map(h => h.firstChild.textContent.trim())"
    )
    return names


def test_a_brussels_postcode_shared_by_two_municipalities(site: Site, stack: Stack) -> None:
    page = site.open("/zoeken")
    loaded_ms = dom_content_loaded_ms(page)
    record_timing("lookup DOMContentLoaded ms", loaded_ms)
    assert loaded_ms < 1000
    page.select_option("#situation", "concern:minor_crisis")
    page.fill("#place", "1050")
    # 1050 is both Brussel and Elsene: the page offers both, without reloading.
    candidates = page.locator("#place-candidates button")
    expect(candidates).to_have_count(2)
    expect(candidates.first).to_contain_text("Brussel")
    page.get_by_role("button", name="Elsene (Brussels Hoofdstedelijk Gewest)").click()
    expect(page.locator(".route-place")).to_have_text("Route voor Elsene (Brussels Hoofdstedelijk Gewest).")

    expected = api_route(stack, {"concern": "minor_crisis", "place": "Elsene"})
    expect(page.locator("ol.route > li")).to_have_count(len(expected))
    assert shown_route(page) == expected
    assert expected[0] == "Crisis-BXL"
    first = page.locator("ol.route > li").first
    expect(first.locator("a[href='tel:+3222091636']")).to_have_text("02 209 16 36")
    expect(first.locator(".reason")).not_to_be_empty()
    expect(first.locator(".sources").first).to_contain_text("Bron")
    expect(first.locator(".badge")).to_have_text("nu bereikbaar")  # the stack's clock: a Wednesday night
    screenshot(page, "zoeken-brussel", full_page=True)
    assert page.url.endswith("/zoeken")  # results came without a page load
    assert serious_accessibility_problems(page) == []


def test_a_hospital_situation_in_an_ordered_route_with_copyable_contacts(site: Site, stack: Stack) -> None:
    site.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = site.open("/zoeken")
    page.fill("#place", "Brugge")
    expect(page.locator("#place-status")).to_have_text("Gevonden: Brugge (West-Vlaanderen).")
    page.select_option("#situation", "flag:necessity_clear")
    expected = api_route(
        stack, {"concern": "young_child", "role": "hospital", "flags": ["necessity_clear"], "place": "Brugge"}
    )
    expect(page.locator("ol.route > li")).to_have_count(len(expected))
    assert shown_route(page) == expected
    assert expected[0].startswith("Vertrouwenscentrum Kindermishandeling")
    # Sources carry the names the chat's "Bron:" line uses, not file names.
    werf2 = page.locator("ol.route .sources", has_text="FAQ zorggarantie jonge kinderen (werf 2), versie 26 maart 2018")
    expect(werf2.first).to_be_visible()
    expect(page.locator("ol.route")).not_to_contain_text(".txt")

    first = page.locator("ol.route > li").first
    first.get_by_role("button", name="Kopieer contactgegevens").click()
    expect(page.locator("#copy-status")).to_have_text("Contactgegevens gekopieerd.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(expected[0]) and "E-mail: info@expertisecentrumkindermishandeling.be" in copied
    screenshot(page, "zoeken-ziekenhuis", full_page=True)

    # Print: the route without the form and the buttons.
    page.emulate_media(media="print")
    expect(page.locator("#route-form")).to_be_hidden()
    expect(first.get_by_role("button", name="Kopieer contactgegevens")).to_be_hidden()
    expect(first).to_be_visible()


def test_free_search_over_organisations_and_questions(site: Site) -> None:
    page = site.open("/zoeken")
    page.fill("#free-search", "crisismeldpunt")
    results = page.locator("#search-result")
    expect(results.locator("ul.actors > li").first).to_contain_text("Crisismeldpunt")
    expect(results.locator("ul.faqs > li").first).to_be_visible()
    results.locator("ul.faqs summary").first.click()
    expect(results.locator("ul.faqs details[open] .sources")).to_contain_text("Bron:")


def test_the_place_field_suggests_municipalities_as_you_type(site: Site) -> None:
    page = site.open("/zoeken")
    page.fill("#place", "Turn")
    expect(page.locator("#place-suggestions option[value='Turnhout']")).to_have_count(1)


def test_the_lookup_page_works_with_the_keyboard_alone(site: Site) -> None:
    site.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = site.open("/zoeken")
    focus_by_tab(page, "#place")
    page.keyboard.type("1050")
    expect(page.locator("#place-candidates button")).to_have_count(2)
    focus_by_tab(page, "#place-candidates button:nth-child(2)")
    page.keyboard.press("Enter")
    expect(page.locator("#place-status")).to_have_text("Gevonden: Elsene (Brussels Hoofdstedelijk Gewest).")
    focus_by_tab(page, "#situation")
    # With the list closed, the arrow keys change the choice; the route follows.
    before = page.locator("#situation").input_value()
    page.keyboard.press("ArrowUp")
    assert page.locator("#situation").input_value() != before
    # Wait for the new route: the old one stays on screen while the request runs, and
    # a copy button tabbed to before the swap would be gone when Enter is pressed.
    expect(page.locator("#route-result[aria-busy='false'] ol.route > li").first).to_be_visible()
    focus_by_tab(page, "ol.route > li:first-child button.copy")
    page.keyboard.press("Enter")
    expect(page.locator("#copy-status")).to_have_text("Contactgegevens gekopieerd.")


def test_a_new_route_keeps_the_keyboard_focus_in_the_route(site: Site) -> None:
    page = site.open("/zoeken")
    page.fill("#place", "Brugge")
    expect(page.locator("#route-result[aria-busy='false'] ol.route > li").first).to_be_visible()
    page.locator("ol.route > li:first-child button.copy").focus()
    # The route changes while the focus is on one of its buttons (as when the age field's
    # debounced update lands after the user tabbed on).
    page.evaluate(
        """() => {
            const situation = document.getElementById("situation");
            situation.selectedIndex = (situation.selectedIndex + 1) % situation.options.length;
            situation.dispatchEvent(new Event("change"));
        }"""
    )
    expect(page.locator("#route-result[aria-busy='false'] ol.route > li").first).to_be_visible()
    assert page.evaluate("() => document.activeElement.id") == "route-result"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('route-result').contains(document.activeElement)")

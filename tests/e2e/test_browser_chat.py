"""The parents' chat in a real browser (Chromium), against the whole running stack."""

from __future__ import annotations

import time
from collections.abc import Iterator

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

BOT = "#messages .message.bot"
CONTACTS_AGAIN = "De contactgegevens nog eens:"
ANSWER_TIMEOUT_MS = 60_000


@pytest.fixture
def site(browser: Browser, stack: Stack) -> Iterator[Site]:
    with site_for(browser, stack.base_url, viewport={"width": 1000, "height": 800}) as opened:
        yield opened


def say(page: Page, text: str) -> None:
    """Type a message and wait until the bot has answered it."""
    before = page.locator(BOT).count()
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")
    expect(page.locator(BOT)).not_to_have_count(before, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#typing")).to_be_hidden(timeout=ANSWER_TIMEOUT_MS)


def assert_forgotten(stack: Stack, session: str) -> None:
    """The page sends its DELETE with keepalive while it leaves; give it a moment to arrive."""
    deadline = time.monotonic() + 10
    while httpx.get(f"{stack.base_url}/api/chat/{session}/history").status_code != 404:
        assert time.monotonic() < deadline, "the conversation is still on the server"
        time.sleep(0.1)


def session_id(page: Page) -> str | None:
    value: str | None = page.evaluate("() => sessionStorage.getItem('chat_session_id')")
    return value


def test_a_parent_conversation_survives_a_reload_but_not_a_new_tab(site: Site, stack: Stack) -> None:
    page = site.open("/")
    loaded_ms = dom_content_loaded_ms(page)
    record_timing("chat DOMContentLoaded ms", loaded_ms)
    assert loaded_ms < 1000

    say(page, "hallo")
    say(page, "ik zoek opvang voor mijn zoontje van 1 in Gent")
    expect(page.locator(BOT).filter(has_text="Hier kun je terecht voor Gent:")).to_have_count(1)
    # Phone numbers and addresses in the answer are links.
    assert page.locator("#messages a[href^='tel:'], #messages a[href^='https:']").count() > 0

    button = page.get_by_role("button", name="Contactgegevens opnieuw").first
    expect(button).to_be_enabled()
    button.click()
    expect(page.locator(BOT).filter(has_text=CONTACTS_AGAIN)).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    expect(button).to_be_disabled()  # answered
    screenshot(page, "chat")

    transcript = page.locator("#messages").inner_text()
    page.reload()
    expect(page.locator(BOT).filter(has_text=CONTACTS_AGAIN)).to_have_count(1)
    assert page.locator("#messages").inner_text() == transcript
    # The clicked button shows its title, not its payload, and the newest buttons work again.
    expect(page.locator(".message.user").filter(has_text="Contactgegevens opnieuw")).to_have_count(1)
    expect(page.locator(".quick-replies button:not([disabled])").first).to_be_enabled()

    other_tab = site.open("/")
    expect(other_tab.locator("#messages")).to_be_empty()
    assert session_id(other_tab) is None
    assert serious_accessibility_problems(page) == []


def test_a_safety_answer_lists_the_other_concerns_numbers_on_lines_of_their_own(site: Site) -> None:
    page = site.open("/")
    say(page, "ik denk er de laatste tijd aan om zelfmoord te plegen")
    answer = page.locator(BOT).last
    expect(answer).to_contain_text("1813")
    # The other concerns' numbers come after the answer's own, each on its own line, as links.
    lines = answer.inner_text().split("\n")
    intro = lines.index("Gaat het om iets anders?")
    assert "1813" in lines[intro - 1]
    assert any("1712" in line for line in lines[intro:]) and any("02 209 16 36" in line for line in lines[intro:])
    for number in ("1813", "1712", "02 209 16 36"):
        expect(answer.locator("a[href^='tel:']").filter(has_text=number)).to_have_count(1)
    screenshot(page, "chat-safety")


def test_after_a_safety_answer_in_the_triage_a_button_goes_on_with_the_question(site: Site) -> None:
    page = site.open("/")
    say(page, "ik zoek opvang voor mijn zoontje van 1 jaar")
    say(page, "ik wil niet meer leven")
    # The safety answer comes first; the offer to go on follows it, with its buttons.
    safety = page.locator(BOT).filter(has_text="1813")
    offer = page.locator(BOT).filter(has_text="verder met je vraag")
    expect(offer).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    bots = page.locator(BOT).all_inner_texts()
    assert bots.index(safety.first.inner_text()) < bots.index(offer.first.inner_text())
    screenshot(page, "chat-safety-resume")
    page.get_by_role("button", name="Ja, verder met mijn vraag").click()
    # The form asks only what is still missing: the place.
    expect(page.locator(BOT).last).to_contain_text("gemeente", timeout=ANSWER_TIMEOUT_MS)
    say(page, "Gent")
    expect(page.locator(BOT).filter(has_text="Hier kun je terecht voor Gent:")).to_have_count(1)


def test_quick_exit_deletes_the_conversation_and_leaves_the_page(site: Site, stack: Stack) -> None:
    page = site.open("/")
    say(page, "ik zoek kinderopvang")
    first = session_id(page)
    assert first
    page.get_by_role("button", name="Snel weg").click()
    page.wait_for_url("about:blank")
    assert_forgotten(stack, first)

    # The same with Escape pressed twice, from the message box.
    page = site.open("/")
    say(page, "ik zoek kinderopvang")
    second = session_id(page)
    assert second
    page.focus("#chat-input")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("about:blank")
    assert_forgotten(stack, second)
    assert page.evaluate("() => sessionStorage.length") == 0


def test_new_conversation_forgets_the_old_one(site: Site, stack: Stack) -> None:
    page = site.open("/")
    say(page, "ik zoek kinderopvang")
    old = session_id(page)
    page.get_by_role("button", name="Nieuw gesprek").click()
    # The notice comes once the server has confirmed the delete.
    expect(page.locator(BOT)).to_have_text(["Het vorige gesprek is gewist. Waarmee kan ik je helpen?"])
    expect(page.locator(".message.user")).to_have_count(0)
    assert session_id(page) is None
    assert httpx.get(f"{stack.base_url}/api/chat/{old}/history").status_code == 404


def test_the_safety_strip_stays_visible_at_320_pixels(browser: Browser, stack: Stack) -> None:
    with site_for(browser, stack.base_url, viewport={"width": 320, "height": 568}) as site:
        page = site.open("/")
        say(page, "ik zoek opvang voor mijn dochter van 2 in Antwerpen")
        say(page, "Contactgegevens opnieuw")
        page.locator("#main").evaluate("main => main.scrollTo(0, main.scrollHeight)")
        page.mouse.wheel(0, 2000)
        strip = page.locator(".safety-strip")
        expect(strip).to_be_in_viewport(ratio=1)
        expect(strip).to_contain_text(
            "In nood? Bel 112. Politie 101. Zelfmoordgedachten? 1813. Geweld of misbruik? 1712."
        )
        box = strip.bounding_box()
        assert box is not None and box["y"] == 0
        expect(page.get_by_role("button", name="Snel weg")).to_be_in_viewport(ratio=1)
        # Nothing sticks out sideways: the page reflows at 320 px (WCAG 1.4.10).
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "chat-320px")


def test_the_chat_at_200_percent_zoom(browser: Browser, stack: Stack) -> None:
    # A 1280 x 720 screen at 200% zoom leaves 640 x 360 CSS pixels, drawn at twice the density.
    with site_for(browser, stack.base_url, viewport={"width": 640, "height": 360}, device_scale_factor=2) as site:
        page = site.open("/")
        say(page, "hallo")
        for name in ("Snel weg", "Nieuw gesprek", "Verstuur"):
            expect(page.get_by_role("button", name=name)).to_be_in_viewport(ratio=1)
        expect(page.locator(".safety-strip")).to_be_in_viewport(ratio=1)
        expect(page.get_by_label("Je bericht")).to_be_in_viewport(ratio=1)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "chat-zoom-200")


def test_the_chat_works_with_the_keyboard_alone(site: Site) -> None:
    page = site.open("/")
    focus_by_tab(page, "#chat-input")
    # The focus is visible: the outline the style sheet draws for :focus-visible.
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.type("ik zoek opvang voor mijn zoontje van 1 in Gent")
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    expect(page.locator(BOT)).not_to_have_count(before, timeout=ANSWER_TIMEOUT_MS)
    expect(page.get_by_role("button", name="Contactgegevens opnieuw")).to_be_enabled()
    # From the message box, Shift+Tab walks back into the answer's buttons.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Contactgegevens opnieuw":
            break
    else:
        raise AssertionError("the quick-reply button cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    expect(page.locator(BOT).filter(has_text=CONTACTS_AGAIN)).to_have_count(1, timeout=ANSWER_TIMEOUT_MS)
    # After the answer the focus is back in the message box, ready for the next message.
    assert page.evaluate("() => document.activeElement.id") == "chat-input"


def test_the_widget_opens_the_chat_in_a_frame_and_quick_exit_leaves_the_host_page(site: Site) -> None:
    page = site.open("/widget-demo")
    toggle = page.get_by_role("button", name="Chat: hulp voor je kind of gezin")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    chat = page.frame_locator("#brede-instap-chat")
    chat.locator("#chat-input").fill("hallo")
    chat.locator("#chat-input").press("Enter")
    expect(chat.locator(BOT).first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    chat.get_by_role("button", name="Snel weg").click()
    page.wait_for_url("about:blank")

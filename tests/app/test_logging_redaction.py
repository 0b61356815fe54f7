from __future__ import annotations

import logging

from api.logging_setup import RedactingFilter, describe_text, redact


def access_record(path: str) -> logging.LogRecord:
    return logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("192.168.1.20:51234", "GET", path, "1.1", 200),
        None,
    )


def test_access_log_loses_query_string_and_client_address() -> None:
    record = access_record("/api/places?q=Kerkstraat%2012%20Gent")
    assert RedactingFilter().filter(record)
    line = record.getMessage()
    assert "Kerkstraat" not in line and "192.168" not in line
    assert line.startswith('- - "GET /api/places?[weggelaten] HTTP/1.1" 200')


def test_personal_details_are_scrubbed_from_any_log_message() -> None:
    record = logging.LogRecord(
        "api",
        logging.WARNING,
        __file__,
        1,
        "contact %s or %s, rr %s",
        ("els.peeters@example.org", "0470 12 34 56", "85.07.30-033.28"),
        None,
    )
    RedactingFilter().filter(record)
    line = record.getMessage()
    assert "els.peeters" not in line and "0470" not in line and "85.07.30" not in line
    assert line == "contact [e-mail] or [telefoon], rr [rijksregisternummer]"


def test_short_helpline_numbers_are_not_mangled() -> None:
    assert redact("bel 112 of 1813") == "bel 112 of 1813"


def test_describe_text_never_contains_the_text() -> None:
    assert describe_text("mijn zoon Tim") == "<13 tekens>"


def test_query_strings_of_urls_are_removed_from_any_log_line() -> None:
    line = redact("GET http://127.0.0.1:5005/status?token=s3cret done")
    assert line == "GET http://127.0.0.1:5005/status?[weggelaten] done"

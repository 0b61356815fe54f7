from __future__ import annotations

import pytest

from actions.settings import ActionSettings


def test_defaults_point_at_the_local_api(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("API_URL", "API_PORT", "API_TIMEOUT_SECONDS", "ACTION_SERVER_PORT", "LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    settings = ActionSettings.from_env()
    assert settings.api_url == "http://127.0.0.1:8000"
    assert settings.port == 5055 and settings.api_timeout_seconds == 3.0


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("API_PORT", "18000")
    monkeypatch.setenv("ACTION_SERVER_PORT", "15055")
    monkeypatch.setenv("LOG_LEVEL", "warning")
    settings = ActionSettings.from_env()
    assert settings.api_url == "http://127.0.0.1:18000"
    assert settings.port == 15055 and settings.log_level == "WARNING"

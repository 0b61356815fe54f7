"""Security headers on every response, as a plain ASGI middleware (cheaper than BaseHTTPMiddleware)."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Every asset comes from this server: no CDN, no inline script, no third-party request.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": _CSP.format(ancestors="'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# Only the widget's chat may be framed by other sites, and only by the ones the operator lists.
EMBEDDABLE_PATHS = frozenset({"/widget"})


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, embed_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.default = _raw(SECURITY_HEADERS)
        ancestors = " ".join(["'self'", *embed_origins])
        self.embeddable = _raw({**SECURITY_HEADERS, "Content-Security-Policy": _CSP.format(ancestors=ancestors)})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.embeddable if scope["path"] in EMBEDDABLE_PATHS else self.default

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

"""What POST /api/chat adds on top of Rasa: the same messages sent straight to Rasa's REST channel
and through the API, one after another, on a freshly started stack (loopback only, bounded).

Writes var/bench/chat.json. A report, not a pass/fail check: Rasa's own time dominates.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from api.settings import PROJECT_ROOT
from scripts.stack import running_stack

MESSAGES = ["hallo", "dank je", "ben jij een robot?", "tot ziens"] * 25
OUT = PROJECT_ROOT / "var" / "bench" / "chat.json"


def percentiles(timings: list[float]) -> dict[str, float]:
    q = statistics.quantiles(sorted(timings), n=100)
    return {"n": len(timings), "p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2)}


def main() -> int:
    direct: list[float] = []
    via_api: list[float] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-chat-") as workdir,
        running_stack(Path(workdir)) as stack,
        httpx.Client(timeout=30) as http,
    ):
        sender = f"bench-{uuid.uuid4().hex}"
        session_id = http.post(f"{stack.api_url}/api/chat", json={"message": "hallo"}).json()["session_id"]
        for message in MESSAGES:
            start = time.perf_counter()
            http.post(f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message})
            direct.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            http.post(f"{stack.api_url}/api/chat", json={"message": message, "session_id": session_id})
            via_api.append((time.perf_counter() - start) * 1000)
    rasa_direct, through_api = percentiles(direct), percentiles(via_api)
    overhead = round(statistics.median(via_api) - statistics.median(direct), 2)
    report = {"rasa_direct": rasa_direct, "via_api": through_api, "overhead_p50_ms": overhead}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"    /api/chat: Rasa alone p50 {rasa_direct['p50_ms']} ms, through the API p50 "
        f"{through_api['p50_ms']} ms: overhead {overhead} ms at the median"
    )
    print(f"    report: {OUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of POST /api/route under 20 concurrent clients, on loopback.

Starts the API (uvicorn, one worker) on a free port against the configured knowledge base,
sends a bounded number of requests from 20 concurrent clients, and reports latency percentiles
in var/bench/api.json. Exits 1 when p95 misses the target (20 ms).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time

import httpx

from api.settings import PROJECT_ROOT

CLIENTS = 20
REQUESTS = 2000
TARGET_P95_MS = 20.0
OUT = PROJECT_ROOT / "var" / "bench" / "api.json"
BODIES = [
    {"concern": "minor_crisis", "place": "Hasselt", "urgency": "today"},
    {"concern": "child_care", "place": "Borsbeek"},
    {"concern": "abuse", "role": "professional", "place": "1030"},
    {"concern": "young_child", "role": "hospital", "place": "Gent", "flags": ["placement_considered"]},
    {"concern": "basic_needs", "place": "Leuven"},
    {"concern": "acute_danger"},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def client(http: httpx.AsyncClient, url: str, jobs: asyncio.Queue[int], timings: list[float]) -> None:
    while True:
        try:
            n = jobs.get_nowait()
        except asyncio.QueueEmpty:
            return
        start = time.perf_counter()
        response = await http.post(url, json=BODIES[n % len(BODIES)])
        timings.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()


async def run(url: str) -> list[float]:
    timings: list[float] = []
    async with httpx.AsyncClient(timeout=10) as http:
        for body in BODIES:  # warm up (caches, connection pool)
            (await http.post(url, json=body)).raise_for_status()
        jobs: asyncio.Queue[int] = asyncio.Queue()
        for n in range(REQUESTS):
            jobs.put_nowait(n)
        await asyncio.gather(*(client(http, url, jobs, timings) for _ in range(CLIENTS)))
    return timings


def main() -> int:
    port = free_port()
    env = dict(os.environ, API_PORT=str(port), LOG_LEVEL="WARNING")
    server = subprocess.Popen([sys.executable, "-m", "api"], cwd=PROJECT_ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        started = time.perf_counter()
        timings = asyncio.run(run(f"{base}/api/route"))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    q = statistics.quantiles(sorted(timings), n=100)
    p95 = round(q[94], 2)
    report: dict[str, object] = {
        "endpoint": "POST /api/route",
        "clients": CLIENTS,
        "requests": len(timings),
        "throughput_rps": round(len(timings) / elapsed, 1),
        "p50_ms": round(q[49], 2),
        "p95_ms": p95,
        "p99_ms": round(q[98], 2),
        "target_p95_ms": TARGET_P95_MS,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    met = p95 < TARGET_P95_MS
    print(
        f"    /api/route, {CLIENTS} clients, {len(timings)} requests: {report['throughput_rps']} req/s, "
        f"p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms "
        f"{'ok' if met else 'MISSED'} (target p95 < {TARGET_P95_MS} ms)"
    )
    print(f"    report: {OUT.relative_to(PROJECT_ROOT)}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

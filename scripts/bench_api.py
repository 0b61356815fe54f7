"""Benchmark of POST /api/route under 20 concurrent connections, on loopback.

Starts the API (uvicorn, one worker) on a free port against the configured knowledge base and
drives it with `wrk` (Debian's package; installed here when missing and allowed), a native load
generator, so the numbers measure the server rather than a Python client on the same two cores.
Writes var/bench/api.json; exits 1 when p95 misses the target (20 ms).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import httpx

from api.settings import PROJECT_ROOT
from scripts.stack import free_port

CONNECTIONS = 20
DURATION_S = 10
TARGET_P95_MS = 20.0
OUT = PROJECT_ROOT / "var" / "bench" / "api.json"
LUA = PROJECT_ROOT / "scripts" / "bench_route.lua"


def ensure_wrk() -> str | None:
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("    installing wrk from Debian's packages")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, capture_output=True, check=False)
    return shutil.which("wrk")


def main() -> int:
    wrk = ensure_wrk()
    if wrk is None:
        print("error: wrk is not installed (apt-get install wrk); cannot measure /api/route", file=sys.stderr)
        return 1
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, API_PORT=str(port), LOG_LEVEL="WARNING")
    server = subprocess.Popen([sys.executable, "-m", "api"], cwd=PROJECT_ROOT, env=env)
    try:
        for _ in range(100):
            try:
                # Also warms the caches (gazetteer, actor directory) before measuring.
                httpx.post(f"{base}/api/route", json={"concern": "acute_danger"}, timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        command = [wrk, "-t1", f"-c{CONNECTIONS}", f"-d{DURATION_S}s", "-s", str(LUA), f"{base}/api/route"]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
    stats = json.loads(output.strip().splitlines()[-1])
    p95 = float(stats["p95_ms"])
    report = {
        "endpoint": "POST /api/route",
        "load_generator": "wrk",
        "connections": CONNECTIONS,
        "throughput_rps": round(stats["requests"] / stats["duration_s"], 1),
        **stats,
        "target_p95_ms": TARGET_P95_MS,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    met = p95 < TARGET_P95_MS and stats["errors"] == 0
    print(
        f"    /api/route, {CONNECTIONS} connections, {stats['requests']} requests ({stats['errors']} errors): "
        f"{report['throughput_rps']} req/s, p50 {stats['p50_ms']:.2f} ms, p95 {p95:.2f} ms, "
        f"p99 {stats['p99_ms']:.2f} ms  {'ok' if met else 'MISSED'} (target p95 < {TARGET_P95_MS} ms)"
    )
    print(f"    report: {OUT.relative_to(PROJECT_ROOT)}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

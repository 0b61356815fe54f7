"""Benchmark of the knowledge base's hot paths on the configured database (SQLite by default).

Measures place resolution (names, postcodes, aliases, typos) and actor lookup (actors of a type
serving a municipality, with their channels), and the FAQ answering decision (the search by words
and by meaning plus the answering model) on the development questions. Writes
var/bench/knowledge.json and prints the percentiles; exits 1 when a p95 misses its target (2 ms
for the first two, 30 ms for the FAQ), so a regression is visible.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable

from api.settings import PROJECT_ROOT, get_settings
from knowledge.db import make_engine, make_sessionmaker
from knowledge.faq_dev import dev_questions
from knowledge.places import Gazetteer
from knowledge.queries import actors_serving, build_faq_index

TARGET_P95_MS = 2.0
# The FAQ decision encodes the question (a sentence vector, about 2 ms) and scores every entry.
FAQ_TARGET_P95_MS = 30.0
OUT = PROJECT_ROOT / "var" / "bench" / "knowledge.json"
TYPES = ["crisis_point", "child_care_counter", "local_team", "caw", "vk", "ocmw"]


def measure(calls: list[Callable[[], object]], warmup: int = 50) -> dict[str, float]:
    for call in calls[:warmup]:
        call()
    timings = []
    for call in calls:
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    quantiles = statistics.quantiles(timings, n=100)
    return {"n": len(timings), "p50_ms": quantiles[49], "p95_ms": quantiles[94], "p99_ms": quantiles[98]}


def main() -> int:
    random.seed(20261124)
    engine = make_engine(get_settings().database_url)
    session = make_sessionmaker(engine)()
    started = time.perf_counter()
    gazetteer = Gazetteer(session)
    build_ms = (time.perf_counter() - started) * 1000
    names = [m.name_nl for m in gazetteer.municipalities.values()]
    queries = names + list(gazetteer.by_postcode) + ["Borsbeek", "Kruibeke", "sint niklaas", "Geraardsbergn"] * 20
    random.shuffle(queries)
    resolution = measure([lambda q=q: gazetteer.resolve(q) for q in queries])  # type: ignore[misc]
    refnis = list(gazetteer.municipalities)
    lookups = [(random.choice(TYPES), random.choice(refnis)) for _ in range(1000)]
    lookup = measure([lambda t=t, r=r: actors_serving(session, t, refnis=r) for t, r in lookups])  # type: ignore[misc]
    started = time.perf_counter()
    faq_index = build_faq_index(session)
    faq_build_ms = (time.perf_counter() - started) * 1000
    questions = [question for question, _ in dev_questions()]
    faq = measure([lambda q=q: faq_index.decide(q) for q in questions])  # type: ignore[misc]
    report = {
        "database": engine.url.get_backend_name(),
        "gazetteer_build_ms": round(build_ms, 1),
        "place_resolution": resolution,
        "actor_lookup": lookup,
        "target_p95_ms": TARGET_P95_MS,
        "faq_index_build_ms": round(faq_build_ms, 1),
        "faq_decision": faq,
        "faq_target_p95_ms": FAQ_TARGET_P95_MS,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    ok = True
    for name, target in (
        ("place_resolution", TARGET_P95_MS),
        ("actor_lookup", TARGET_P95_MS),
        ("faq_decision", FAQ_TARGET_P95_MS),
    ):
        stats = report[name]
        assert isinstance(stats, dict)
        met = stats["p95_ms"] < target
        ok &= met
        print(
            f"    {name:17} n={stats['n']:5}  p50 {stats['p50_ms']:.3f} ms  p95 {stats['p95_ms']:.3f} ms  "
            f"p99 {stats['p99_ms']:.3f} ms  {'ok' if met else 'MISSED'} (target p95 < {target} ms)"
        )
    print(f"    FAQ index built in {faq_build_ms:.0f} ms (every phrasing encoded once per process)")
    print(f"    report: {OUT.relative_to(PROJECT_ROOT)}")
    session.close()
    engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

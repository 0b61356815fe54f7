"""Command line of the knowledge base.

    python -m knowledge load               load places and data files (idempotent)
    python -m knowledge validate           report records without a source, invalid or unsourced
                                           phone numbers, and actors without an area
    python -m knowledge export-gazetteer   write the place names for the Rasa side's entity extraction

The database is the one of DATABASE_URL (default: SQLite under var/), migrated first.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from api.settings import get_settings
from knowledge.db import make_engine, make_sessionmaker, migrate
from knowledge.gazetteer import DEFAULT_GAZETTEER, write_gazetteer
from knowledge.loader import LoadError, load_all
from knowledge.validate import validate, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["load", "validate", "export-gazetteer"])
    parser.add_argument("--database-url", default=None, help="defaults to DATABASE_URL")
    parser.add_argument("--out", type=Path, default=DEFAULT_GAZETTEER, help="gazetteer file (export-gazetteer)")
    args = parser.parse_args(argv)
    url = args.database_url or get_settings().database_url
    migrate(url)
    engine = make_engine(url)
    started = time.monotonic()
    try:
        with make_sessionmaker(engine)() as session:
            if args.command == "load":
                report = load_all(session)
                state = "updated" if report.changed else "unchanged"
                print(f"    knowledge base {state} ({time.monotonic() - started:.1f} s)")
                return 0
            if args.command == "validate":
                for warning in warnings():
                    print(f"warning: {warning}")
                problems = validate(session)
                for problem in problems:
                    print(problem)
                print(f"    validate: {len(problems)} problem(s)")
                return 1 if problems else 0
            count = write_gazetteer(session, args.out)
            print(f"    wrote {count} names to {args.out}")
            return 0
    except LoadError as error:
        print(f"error: {error}\n(nothing of that file was loaded)", file=sys.stderr)
        return 2
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())

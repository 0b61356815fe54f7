"""A throw-away PostgreSQL cluster on loopback for the tests (Debian's server binaries)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.stack import free_port


class PostgresUnavailable(Exception):
    pass


@contextmanager
def temporary_postgres(workdir: Path) -> Iterator[str]:
    """Start PostgreSQL in `workdir`, yield a URL to an empty database, stop it afterwards."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not binaries:
        raise PostgresUnavailable("PostgreSQL server binaries not found (scripts/ensure_postgres.sh installs them)")
    bindir = Path(binaries[-1]).parent
    data, sockets = workdir / "pgdata", workdir / "pgsock"
    sockets.mkdir(parents=True, exist_ok=True)
    prefix: list[str] = []
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: run it as the `postgres` user the package creates.
        try:
            user = pwd.getpwnam("postgres")
        except KeyError as error:
            raise PostgresUnavailable("running as root and there is no 'postgres' user") from error
        for path in (workdir, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
        prefix = [shutil.which("runuser") or "runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*prefix, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {result.stderr.strip()[-500:]}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(workdir / "pg.log"), "-w", "start")
    try:
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "knowledge")
        yield f"postgresql://postgres@127.0.0.1:{port}/knowledge"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")

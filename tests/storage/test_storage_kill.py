"""The reliability requirement: pull the plug at any moment and nothing committed is lost, the
file is sound and the audit log still verifies.

kill_worker.py makes service calls, one transaction each, and logs (fsync-ed) what each commit
wrote only after it has committed. This test kills it with SIGKILL at random moments, many
times over on the same file, and after every kill checks the file and the log against it.
"""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

WORKER = Path(__file__).with_name("kill_worker.py")
KILLS = 25
#: Workers started ahead of their turn (they import the app, then wait for "go").
AHEAD = 2
SEED = 20211123
#: Runs killed without waiting for "ready" can hit start-up: opening the database, and on the
#: first run the migration that creates the schema.
KILLED_DURING_STARTUP = {0, 7, 15}

TABLE_OF = {
    "organisation": "organisation",
    "person": "person",
    "person_update": "person",
    "meeting": "meeting",
    "meeting_open": "meeting",
    "meeting_close": "meeting",
    "meeting_sign": "meeting",
    "attendance": "attendance",
    "recommendation": "recommendation",
    "revision": "recommendation_revision",
    "vote": "vote",
}
STATUS_AFTER = {
    "meeting_open": {"open", "closed", "signed"},
    "meeting_close": {"closed", "signed"},
    "meeting_sign": {"signed"},
}
LINE = re.compile(r"(?P<kind>[a-z_]+) (?P<id>[0-9a-f-]{36}) (?P<seq>\d+) (?P<hash>[0-9a-f]{64})")

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX) to kill the worker mid-write"
)


def committed_lines(log_path: Path) -> list[re.Match[str]]:
    if not log_path.exists():
        return []
    text = log_path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "a log line was torn"
    matches = []
    for line in text.splitlines():
        match = LINE.fullmatch(line)
        assert match is not None, f"unreadable log line {line!r}"
        matches.append(match)
    return matches


def check_file(db_path: Path, log_path: Path, verify_file: Callable[[Path], Any]) -> int:
    """Everything the tests promise after a crash. Returns the number of audit events."""
    lines = committed_lines(log_path)
    connection = sqlite3.connect(str(db_path))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "audit_event" not in tables:
            assert lines == [], "commits were logged but the schema is gone"
            return 0
        head = connection.execute("SELECT seq FROM audit_head").fetchone()
        head_seq = head[0] if head else 0
        for match in lines:
            kind, record = match["kind"], uuid.UUID(match["id"])
            table = TABLE_OF[kind]
            row = connection.execute(
                f"SELECT * FROM {table} WHERE id = ?", (record.hex,)
            ).fetchone()
            assert row is not None, f"committed {kind} {record} is missing"
            if kind in STATUS_AFTER:
                status = connection.execute(
                    "SELECT status FROM meeting WHERE id = ?", (record.hex,)
                ).fetchone()[0]
                assert status in STATUS_AFTER[kind], (kind, record, status)
            seq = int(match["seq"])
            assert seq <= head_seq, f"{kind} {record}: event #{seq} is past the head"
            if seq:
                stored = connection.execute(
                    "SELECT hash FROM audit_event WHERE seq = ?", (seq,)
                ).fetchone()
                assert stored == (match["hash"],), f"{kind} {record}: event #{seq} differs"
    finally:
        connection.close()
    report, check = verify_file(db_path)
    assert report.ok, report.problem
    assert check.ok, check.message
    return int(report.events)


@dataclass
class Worker:
    run: int
    process: subprocess.Popen[bytes]
    stderr: Path

    def diagnostics(self) -> str:
        return f"worker run {self.run}:\n" + self.stderr.read_text(errors="replace")


def spawn(run: int, db_path: Path, log_path: Path) -> Worker:
    stderr_path = db_path.parent / f"worker-{run}.stderr"
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(WORKER), str(db_path), str(log_path), str(SEED + run)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
    return Worker(run, process, stderr_path)


def stop(worker: Worker) -> None:
    process = worker.process
    if process.poll() is None and process.stdin is not None and not process.stdin.closed:
        process.stdin.close()  # a worker still waiting for "go" leaves on end of input
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None and not stream.closed:
            stream.close()


@pytest.mark.slow
def test_killed_at_random_moments_loses_nothing_committed(
    tmp_path: Path, verify_file: Callable[[Path], Any]
) -> None:
    rng = random.Random(SEED)
    db_path = tmp_path / "civicdesk.sqlite"
    log_path = tmp_path / "committed.log"
    runs_that_committed = 0
    events = 0
    # Starting Python and importing the app takes longer than a run: the next workers start
    # (and wait for "go") while this one works and is checked.
    waiting = deque(spawn(run, db_path, log_path) for run in range(min(AHEAD, KILLS)))
    try:
        for run in range(KILLS):
            worker = waiting.popleft()
            if run + AHEAD < KILLS:
                waiting.append(spawn(run + AHEAD, db_path, log_path))
            process = worker.process
            assert process.stdin is not None and process.stdout is not None
            before = len(committed_lines(log_path))
            try:
                process.stdin.write(b"go\n")
                process.stdin.flush()
                if run not in KILLED_DURING_STARTUP:
                    assert process.stdout.readline() == b"ready\n", worker.diagnostics()
                time.sleep(rng.uniform(0.05, 0.6))
                assert process.poll() is None, "stopped by itself: " + worker.diagnostics()
                process.send_signal(signal.SIGKILL)
                assert process.wait(timeout=10) == -signal.SIGKILL
            finally:
                stop(worker)
            after = len(committed_lines(log_path))
            runs_that_committed += after > before
            new_events = check_file(db_path, log_path, verify_file)
            assert new_events >= events, "audit events disappeared"
            events = new_events
    finally:
        for worker in waiting:
            stop(worker)

    lines = committed_lines(log_path)
    kinds = {match["kind"] for match in lines}
    # The kills really did land in the middle of work of every sort (about 20 of the 25 runs
    # and 300 records here; a loaded machine does less in the same time).
    assert runs_that_committed >= KILLS // 2, runs_that_committed
    assert len(lines) >= 80, len(lines)
    assert {"person", "meeting", "attendance", "recommendation", "revision", "vote"} <= kinds
    assert events >= len(lines)

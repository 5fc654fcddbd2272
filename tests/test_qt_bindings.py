"""The installed PySide keeps its references to None, True and False.

PySide6 6.12.0 on Python 3.11 returned them from its wrappers without taking a reference, one lost
per call; after a long enough session None or True reached a count of 0 and the interpreter
aborted ("none_dealloc", "bool_dealloc"), usually in its final garbage collection after every test
had passed. pyproject.toml excludes that release; this test catches the next one that does it.
It runs in a child process so a faulty PySide cannot damage this one.
"""

from __future__ import annotations

import subprocess
import sys

# Few enough that a faulty PySide still lives to report (True has under a thousand references
# in a process that only imports QtCore), enough to tell a loss per call from noise.
CALLS = 200

_PROBE = f"""
import gc, sys
from PySide6.QtCore import QObject

def counts():
    gc.collect()
    return [sys.getrefcount(value) for value in (None, True, False)]

def noop(*args):
    pass

probe = QObject()

def calls():
    for _ in range({CALLS}):
        probe.setObjectName("probe")  # a void method: returns None
        probe.destroyed.connect(noop)
        probe.destroyed.disconnect(noop)  # returns True

calls()  # the first round fills caches
before = counts()
calls()
after = counts()
print(*(a - b for a, b in zip(after, before)))
"""


def test_pyside_keeps_its_references_to_none_true_and_false() -> None:
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    changes = [int(change) for change in probe.stdout.split()]
    assert len(changes) == 3, probe.stderr
    none, true, false = changes
    # A reference lost on every call shows as about -CALLS; allow a little noise, not that.
    assert min(none, true, false) > -CALLS // 10, (
        f"PySide lost references per call: None {none:+d}, True {true:+d}, False {false:+d}"
    )
    assert probe.returncode == 0, probe.stderr

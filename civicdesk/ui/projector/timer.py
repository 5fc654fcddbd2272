"""The speaking timer: a set length per speaker, counted down, warning near the end."""

from __future__ import annotations

import enum
import math
import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

DEFAULT_SECONDS = 180
WARN_FRACTION = 0.2
WARN_AT_LEAST_SECONDS = 15


class TimerState(enum.StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVER = "over"


class SpeakingTimer(QObject):
    """Counts down from `length` seconds. Uses a monotonic clock, so a busy event loop can
    delay the display but never the time."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, length: int = DEFAULT_SECONDS) -> None:
        super().__init__(parent)
        self._length = length
        self._elapsed_before = 0.0
        self._started_at: float | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(200)
        self._ticker.timeout.connect(self._tick)
        self._clock = time.monotonic

    # ------------------------------------------------------------------ control

    @property
    def length(self) -> int:
        return self._length

    def set_length(self, seconds: int) -> None:
        self._length = max(10, int(seconds))
        self.changed.emit()

    @Slot()
    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()
            self._ticker.start()
            self.changed.emit()

    @Slot()
    def pause(self) -> None:
        if self._started_at is not None:
            self._elapsed_before += self._clock() - self._started_at
            self._started_at = None
            self._ticker.stop()
            self.changed.emit()

    @Slot()
    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    @Slot()
    def reset(self) -> None:
        self._elapsed_before = 0.0
        self._started_at = None
        self._ticker.stop()
        self.changed.emit()

    @Slot()
    def _tick(self) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ reading

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        running = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._elapsed_before + running

    @property
    def remaining(self) -> int:
        """Whole seconds left; negative once the speaker has gone over."""
        return math.ceil(self._length - self.elapsed)

    @property
    def state(self) -> TimerState:
        if self.remaining <= 0 and (self.running or self._elapsed_before > 0):
            return TimerState.OVER
        warn_at = max(WARN_AT_LEAST_SECONDS, int(self._length * WARN_FRACTION))
        if (self.running or self._elapsed_before > 0) and self.remaining <= warn_at:
            return TimerState.WARNING
        if self.running:
            return TimerState.RUNNING
        return TimerState.PAUSED if self._elapsed_before > 0 else TimerState.IDLE

    @property
    def visible(self) -> bool:
        return self.state is not TimerState.IDLE


def format_clock(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"

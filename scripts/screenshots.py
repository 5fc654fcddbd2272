"""Render the main window and every step of the meeting workspace at 1366×768, in Khmer and in
English, to docs/screenshots/<lang>/<NN>-<step>.png.

    .venv/bin/python scripts/screenshots.py [--out DIR] [--language km] [--step actions]
                                                [--demo-db FILE]

The pictures come from the Battambang demo (built into a temporary folder, or copied from
--demo-db), Bavel district: for each step a meeting of the kind that uses it (a focus group
discussion for findings, the joint consultation for recommendations and voting, the technical
partnership meeting for the action plan, the endorsement meeting for the signed joint list).
Whatever pages exist are shown; a step without a page is skipped and said so.

Repeatable: the window has a fixed size and no saved geometry, the demo is built on a fixed
clock, nothing is changed in the database, and "today" (which marks overdue actions) is a
fixed day. (With --demo-db the pictures show that database's own timestamps.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from civicdesk.i18n import LANGUAGES, set_language
from civicdesk.models.enums import MeetingKind
from civicdesk.services import open_database
from civicdesk.services.meetings import list_meetings
from civicdesk.storage.database import Database
from civicdesk.ui.fonts import apply_fonts
from civicdesk.ui.qt_translations import follow_ui_language
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.steps import Step, steps_for

ROOT = Path(__file__).resolve().parents[1]
SIZE = QSize(1366, 768)
DISTRICT = "0204"  # Bavel
#: The day the pictures are taken on, as far as overdue actions are concerned.
TODAY = dt.date(2022, 9, 30)

#: The kind of meeting each step is shown in.
STEP_MEETING_KIND: dict[Step, MeetingKind] = {
    Step.SETUP: MeetingKind.JOINT_CONSULTATION,
    Step.SIGN_IN: MeetingKind.JOINT_CONSULTATION,
    Step.AGENDA: MeetingKind.JOINT_CONSULTATION,
    Step.FINDINGS: MeetingKind.FOCUS_GROUP,
    Step.RECOMMENDATIONS: MeetingKind.JOINT_CONSULTATION,
    Step.VOTING: MeetingKind.JOINT_CONSULTATION,
    Step.ACTIONS: MeetingKind.TECHNICAL_MEETING,
    # The demo builds and signs Bavel's joint list in its endorsement meeting.
    Step.ENDORSEMENT: MeetingKind.ENDORSEMENT,
    Step.MINUTES: MeetingKind.JOINT_CONSULTATION,
}


def _settle(app: QApplication) -> None:
    for _round in range(3):
        app.processEvents()


def _save(widget: QWidget, app: QApplication, path: Path) -> None:
    widget.resize(SIZE)
    widget.show()
    _settle(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _meeting_of_kind(database: Database, kind: MeetingKind) -> uuid.UUID | None:
    with database.reading() as session:
        found = list_meetings(session, district_code=DISTRICT, kind=kind)
    return found[0].id if found else None


def _meeting_for(database: Database, step: Step) -> uuid.UUID | None:
    """A meeting of the kind chosen for `step`; for a step not in that table, the first
    meeting (Bavel's first) whose kind goes through the step."""
    kind = STEP_MEETING_KIND.get(step)
    if kind is not None:
        return _meeting_of_kind(database, kind)
    with database.reading() as session:
        everything = list_meetings(session)
    candidates = [m for m in everything if step in steps_for(m.kind)]
    candidates.sort(key=lambda m: m.district_code != DISTRICT)
    return candidates[0].id if candidates else None


def _main_window(database: Database, settings: Settings, app: QApplication, out: Path) -> None:
    from civicdesk.ui.main_window import MainWindow

    window = MainWindow(database, settings)
    consultation = _meeting_of_kind(database, MeetingKind.JOINT_CONSULTATION)
    if consultation is not None:
        window.select_meeting(consultation)
    _save(window, app, out / "00-main-window.png")
    window.close()
    window.deleteLater()


def _workspace_step(
    database: Database, settings: Settings, app: QApplication, step: Step, out: Path
) -> None:
    from civicdesk.ui.workspace.window import MeetingWorkspace

    meeting_id = _meeting_for(database, step)
    if meeting_id is None:
        print(f"skipped {step.value}: the demo has no meeting for it", file=sys.stderr)
        return
    workspace = MeetingWorkspace(database, meeting_id, settings, actor="screenshots")
    try:
        try:
            page = workspace.page(step)
        except KeyError:
            print(f"skipped {step.value}: no page has been written for it yet", file=sys.stderr)
            return
        set_today = getattr(page, "set_today", None)
        if callable(set_today):
            set_today(lambda: TODAY)
        workspace.resize(SIZE)
        workspace.show()
        workspace.show_step(step)
        number = list(Step).index(step) + 1
        _save(workspace, app, out / f"{number:02d}-{step.value}.png")
    finally:
        workspace.close()
        workspace.deleteLater()
        _settle(app)


class _DemoClock(dt.datetime):
    """A clock for building the demo: it starts at a fixed moment and moves on a millisecond
    each time it is read, so records keep their order and their timestamps (a vote's time,
    say) come out the same on every run."""

    moment = dt.datetime(2021, 11, 23, 1, 0, tzinfo=dt.UTC)

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
        moment = _DemoClock.moment
        _DemoClock.moment += dt.timedelta(milliseconds=1)
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


def _build_demo_on_a_fixed_clock(database: Database) -> None:
    """The records' own timestamps come from civicdesk.models.base.utcnow(), which reads the
    clock through that module's `dt`: that one name is pointed at the demo clock meanwhile."""
    import types

    from civicdesk.demo.builder import build_demo
    from civicdesk.models import base

    fixed = types.SimpleNamespace(**{name: getattr(dt, name) for name in dir(dt)})
    fixed.datetime = _DemoClock
    real = base.dt  # type: ignore[attr-defined]
    base.dt = fixed  # type: ignore[attr-defined, assignment]
    try:
        build_demo(database)
    finally:
        base.dt = real  # type: ignore[attr-defined]


def _database(folder: Path, demo_file: Path | None) -> Database:
    path = folder / "demo.sqlite"
    if demo_file is not None:
        shutil.copyfile(demo_file, path)
        return open_database(f"sqlite:///{path}")
    database = open_database(f"sqlite:///{path}")
    _build_demo_on_a_fixed_clock(database)
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--step", choices=[s.value for s in Step], action="append")
    parser.add_argument("--demo-db", type=Path, help="a demo database to copy instead of building")
    parser.add_argument("--no-main-window", action="store_true")
    args = parser.parse_args()
    languages = args.language or list(LANGUAGES)
    steps = [Step(s) for s in args.step] if args.step else list(Step)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_fonts(app)
    follow_ui_language(app)  # Qt's own words (OK, Cancel) in each language, as the app does
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        # No saved geometry, no saved language: every run starts from the same place.
        os.environ["CIVICDESK_DATA_DIR"] = str(folder)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        database = _database(folder, args.demo_db)
        try:
            for language in languages:
                set_language(language)
                out = args.out / language
                if not args.no_main_window:
                    _main_window(database, settings, app, out)
                for step in steps:
                    _workspace_step(database, settings, app, step, out)
        finally:
            database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

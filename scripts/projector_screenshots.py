"""Render every projector scene of a demo joint consultation at 1920×1080, in Khmer only,
English only, and both, to docs/screenshots/projector/<mode>/<scene>.png.

    python scripts/projector_screenshots.py [--out DIR] [--size 1920x1080]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from civicdesk.demo.builder import build_demo
from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind
from civicdesk.services import open_database
from civicdesk.ui.fonts import apply_fonts
from civicdesk.ui.projector.scenes import LanguageMode, Scene, build_scene
from civicdesk.ui.projector.timer import SpeakingTimer
from civicdesk.ui.projector.view import ProjectorView, Theme

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "projector")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_fonts(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/demo.sqlite")
        build_demo(database)
        with database.reading() as session:
            meeting = session.scalars(
                select(Meeting).where(
                    Meeting.kind == MeetingKind.JOINT_CONSULTATION, Meeting.district_code == "0204"
                )
            ).one()
            workshop = session.scalars(
                select(Meeting).where(Meeting.kind == MeetingKind.PROVINCIAL_WORKSHOP)
            ).one()
            scenes = {
                scene: build_scene(
                    session, workshop.id if scene is Scene.PRIORITIES else meeting.id, scene, 0
                )
                for scene in Scene
            }
        database.dispose()
    view = ProjectorView()
    timed = ProjectorView()  # the recommendation scene is shown with the speaking timer running
    timer = SpeakingTimer(timed, length=180)
    timer._clock = lambda: 0.0  # a still frame: the timer shows its full length
    timer.start()
    timed.set_timer(timer)
    for mode in LanguageMode:
        out = args.out / mode.value
        out.mkdir(parents=True, exist_ok=True)
        for number, (scene, data) in enumerate(scenes.items(), start=1):
            if scene is Scene.BLANK:
                continue
            target = timed if scene is Scene.RECOMMENDATION else view
            target.set_mode(mode)
            target.set_theme(Theme.HIGH_CONTRAST if scene is Scene.ATTENDANCE else Theme.DARK)
            target.set_scene(data)
            path = out / f"{number:02d}-{scene.value}.png"
            target.render_image(QSize(width, height)).save(str(path))
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for each in (view, timed):
        each.deleteLater()
    del view, timed, timer
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

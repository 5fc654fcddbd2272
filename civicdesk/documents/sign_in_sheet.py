"""The sign-in sheet, printed before the meeting: ruled rows for number, name, sex,
organisation, position, phone and signature, with the people expected already listed."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from civicdesk.documents.blocks import BODY, CELL, Composer
from civicdesk.documents.common import Identity, meeting_facts, motto, verification_block
from civicdesk.documents.layout import MARGIN_SIDE
from civicdesk.documents.records import SignInRecord
from civicdesk.documents.wording import Phrase, Wording

__all__ = ["sign_in_story"]

WIDTH = A4[0] - 2 * MARGIN_SIDE
ROW_HEIGHT = 10 * mm
COLUMNS = (0.06, 0.23, 0.07, 0.2, 0.15, 0.13, 0.16)


def sign_in_story(
    record: SignInRecord,
    wording: Wording,
    identity: Identity,
    *,
    with_motto: bool,
    blank_rows: int,
) -> list[Flowable]:
    composer = Composer(wording)
    w = wording
    facts = record.meeting
    story: list[Flowable] = []
    if with_motto:
        story += motto(w)
    story += composer.title(w.gettext("Sign-in sheet"))
    story += composer.paragraph(
        w.pick(facts.details.title_km, facts.details.title_en),
        BODY.but(size=12, bold=True, align="center", space_after=6),
    )
    story.append(meeting_facts(composer, facts, WIDTH))
    story += composer.paragraph(
        w.gettext("Please write your name clearly and sign in the last column."),
        BODY.but(space_before=6, space_after=4),
    )
    # Rows are at least ROW_HEIGHT tall (room to write and sign) and grow with long names.
    room = ROW_HEIGHT - 4
    rows: list[list[Phrase | Flowable]] = []
    for number, row in enumerate(record.expected, start=1):
        rows.append(
            [
                w.number(number),
                w.pick(row.name_km, row.name_latin),
                w.label(row.sex),
                w.pick(row.organisation_name_km, row.organisation_name_en),
                w.pick(row.position, row.position_en),
                ("",),  # written by each person: the sheet is passed round the room
                Spacer(1, room),
            ]
        )
    for number in range(len(rows) + 1, len(rows) + blank_rows + 1):
        rows.append([w.number(number), ("",), ("",), ("",), ("",), ("",), Spacer(1, room)])
    story.append(
        composer.table(
            [
                w.gettext("No."),
                w.gettext("Name"),
                w.gettext("Sex"),
                w.gettext("Organisation"),
                w.gettext("Position"),
                w.gettext("Phone"),
                w.gettext("Signature"),
            ],
            rows,
            [WIDTH * share for share in COLUMNS],
            style=CELL.but(size=8.5),
        )
    )
    story.append(verification_block(composer, identity, WIDTH))
    return story

"""A district's joint list of recommendations, laid out for the governor and the CSO side to
sign: the national motto (on by default: the administration issues it), the issuing
administration, the numbered recommendations as adopted, and the signature blocks."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Table, TableStyle

from civicdesk.documents.blocks import BODY, SUBTITLE, Composer
from civicdesk.documents.common import Identity, motto, verification_block
from civicdesk.documents.layout import MARGIN_SIDE
from civicdesk.documents.minutes import joint_list_signatories
from civicdesk.documents.records import JointListRecord
from civicdesk.documents.wording import Phrase, Wording

__all__ = ["joint_list_story"]

WIDTH = A4[0] - 2 * MARGIN_SIDE


def _issuer(composer: Composer, record: JointListRecord) -> Flowable:
    """The issuing administration, top left under the motto, as official letters have it."""
    w = composer.wording
    place = record.meeting.place
    province = w.format(
        w.gettext("{province} Province"), province=w.pick(place.province_km, place.province_en)
    )
    lines = composer.paragraph(province, BODY.but(bold=True, space_after=0))
    lines += composer.paragraph(_issuer_name(w, record), BODY.but(bold=True, space_after=0))
    table = Table([[lines]], colWidths=[WIDTH * 0.5], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _issuer_name(w: Wording, record: JointListRecord) -> Phrase:
    """The district administration as the directory names it (``រដ្ឋបាលស្រុកបវេល``: the name
    says whether it is a district or a municipality), else the district's name."""
    place = record.meeting.place
    if place.administration_km or place.administration_en:
        return w.pick(place.administration_km, place.administration_en)
    return w.format(
        w.gettext("Administration of {district}"),
        district=w.pick(place.district_km, place.district_en),
    )


def joint_list_story(
    record: JointListRecord, wording: Wording, identity: Identity, *, with_motto: bool
) -> list[Flowable]:
    composer = Composer(wording)
    w = wording
    joint_list = record.joint_list
    facts = record.meeting
    story: list[Flowable] = []
    if with_motto:
        story += motto(w)
    story.append(_issuer(composer, record))
    story += composer.title(w.gettext("Joint list of recommendations"))
    story += composer.paragraph(_issuer_name(w, record), SUBTITLE.but(bold=True))
    if joint_list.title_km or joint_list.title_en:
        story += composer.paragraph(w.pick(joint_list.title_km, joint_list.title_en), SUBTITLE)
    story += composer.paragraph(
        w.format(
            w.gettext(
                "Adopted jointly by the district administration and civil society. "
                "Meeting: {meeting}, {date}."
            ),
            meeting=w.pick(facts.details.title_km, facts.details.title_en),
            date=w.date(facts.details.meeting_date, weekday=False),
        ),
        BODY.but(align="center", space_after=8),
    )
    rows = [
        [w.number(item.position), (item.code,), w.pick(item.text_km, item.text_en)]
        for item in joint_list.items
    ]
    story.append(
        composer.table(
            [w.gettext("No."), w.gettext("Code"), w.gettext("Recommendation")],
            rows,
            [WIDTH * 0.08, WIDTH * 0.14, WIDTH * 0.78],
            style=BODY.but(size=10, space_after=0),
        )
    )
    story += composer.paragraph(
        w.format(
            w.gettext("Status: {status}."),
            status=w.label(joint_list.status),
        ),
        BODY.but(space_before=6),
    )
    story.append(composer.signatures(joint_list_signatories(w, joint_list), WIDTH))
    story.append(verification_block(composer, identity, WIDTH))
    return story

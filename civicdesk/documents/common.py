"""What the documents share: the identity a document carries, the meeting's facts, the running
header, and the verification block with the QR code on the last page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from civicdesk.documents.blocks import (
    BODY,
    SMALL,
    Composer,
    MottoHeader,
    QrCode,
)
from civicdesk.documents.layout import PageDecoration
from civicdesk.documents.records import MeetingFacts
from civicdesk.documents.shaping import Span
from civicdesk.documents.textflow import TextBlock
from civicdesk.documents.wording import Phrase, Wording
from civicdesk.i18n.khmer import khmer_digits
from civicdesk.models.enums import DocumentKind

__all__ = [
    "Identity",
    "decoration",
    "meeting_facts",
    "motto",
    "qr_payload",
    "short_date",
    "verification_block",
]

SHORT_HASH_LENGTH = 12


@dataclass(frozen=True)
class Identity:
    """Who a document is: the ID under which it is registered, and the SHA-256 of its content."""

    document_id: str
    content_sha256: str
    #: The audit chain's head, printed in signed documents.
    audit_head: str = ""
    signed_by: str = ""

    @property
    def short_hash(self) -> str:
        return self.content_sha256[:SHORT_HASH_LENGTH]


def qr_payload(identity: Identity) -> str:
    """What the QR code holds: the document ID and the full SHA-256 of its content. Upper case,
    so that the code uses QR's compact alphanumeric mode."""
    return f"CIVICDESK:DOCUMENT:{identity.document_id}:SHA256:{identity.content_sha256}".upper()


def place_phrase(wording: Wording, facts: MeetingFacts) -> Phrase:
    place = facts.place
    district = wording.pick(place.district_km, place.district_en)
    province = wording.pick(place.province_km, place.province_en)
    if not place.district_km and not place.district_en:
        return province
    return wording.format(
        wording.gettext("{district}, {province}"), district=district, province=province
    )


def decoration(
    wording: Wording, kind: DocumentKind, facts: MeetingFacts, identity: Identity
) -> PageDecoration:
    title = wording.pick(facts.details.title_km, facts.details.title_en)
    left = tuple(
        f"{label} — {title[min(i, len(title) - 1)]}" for i, label in enumerate(wording.label(kind))
    )
    return PageDecoration(
        wording=wording,
        header_left=left,
        header_right=place_phrase(wording, facts),
        document_id=identity.document_id,
        short_hash=identity.short_hash,
    )


def short_date(wording: Wording, value: dt.date | None) -> Phrase:
    """``23/11/2021`` for table cells, in Khmer digits when the document's first language is
    Khmer (one form only: it reads the same in both languages); empty for no date."""
    if value is None:
        return ("",)
    text = value.strftime("%d/%m/%Y")
    return (khmer_digits(text) if wording.khmer else text,)


def motto(wording: Wording) -> list[Flowable]:
    return [MottoHeader(wording)]


def meeting_facts(
    composer: Composer, facts: MeetingFacts, width: float, *, pairs_per_row: int = 1
) -> Flowable:
    """Kind, date, time, venue, place, facilitator and clerk, as a two-column table."""
    w = composer.wording
    details = facts.details
    rows: list[tuple[Phrase, Phrase]] = [
        (w.gettext("Kind of meeting"), w.label(details.kind)),
        (w.gettext("Date"), w.date(details.meeting_date)),
    ]
    if details.start_time:
        times = w.time(details.start_time)
        if details.end_time:
            times = w.format(
                w.gettext("{start} to {end}"), start=times, end=w.time(details.end_time)
            )
        rows.append((w.gettext("Time"), times))
    if details.venue_km or details.venue_en:
        rows.append((w.gettext("Venue"), w.pick(details.venue_km, details.venue_en)))
    place = facts.place
    if place.district_km or place.district_en:
        rows.append(
            (w.gettext("District / municipality"), w.pick(place.district_km, place.district_en))
        )
    rows.append((w.gettext("Province"), w.pick(place.province_km, place.province_en)))
    if facts.facilitator:
        rows.append(
            (
                w.gettext("Facilitator"),
                w.pick(facts.facilitator.name_km, facts.facilitator.name_latin),
            )
        )
    if facts.clerk:
        rows.append((w.gettext("Clerk"), w.pick(facts.clerk.name_km, facts.clerk.name_latin)))
    return composer.fields(rows, width, pairs_per_row=pairs_per_row)


def verification_block(composer: Composer, identity: Identity, width: float) -> Flowable:
    """The QR code of the document's ID and content SHA-256, with both written out, kept
    together at the end of the document (so on its last page)."""
    w = composer.wording
    label_style = SMALL.but(size=7.5, space_after=0)
    value_style = SMALL.but(size=7.5, color=BODY.color, space_after=1.5)
    lines: list[Flowable] = []
    lines += composer.paragraph(w.gettext("Verification"), BODY.but(size=9, bold=True))
    rows = [
        (w.gettext("Document ID"), identity.document_id),
        (w.gettext("SHA-256 of the content"), identity.content_sha256),
    ]
    if identity.signed_by:
        rows.append((w.gettext("Digitally signed by"), identity.signed_by))
    if identity.audit_head:
        rows.append((w.gettext("Audit log head when signed"), identity.audit_head))
    # Khmer writes ៖ where English writes a colon; a two-language label ends in English.
    colon = "៖ " if w.languages == ("km",) else ": "
    for label, value in rows:
        spans = [Span(Wording.inline(label) + colon, bold=True), Span(value)]
        lines.append(TextBlock(spans, value_style))
    note = (
        w.gettext(
            "This file carries the organisation's digital signature. Check it in CivicDesk "
            "(Tools, Check a signed document) or with: civicdesk verify FILE.pdf"
        )
        if identity.signed_by
        else w.gettext("The hash covers everything this document shows, as recorded.")
    )
    lines.append(TextBlock(Wording.inline(note), label_style))
    qr_size = 22 * mm
    table = Table(
        [[QrCode(qr_payload(identity), qr_size), lines]],
        colWidths=[qr_size + 4, width - qr_size - 4],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, SMALL.color),
            ]
        )
    )
    return KeepTogether([Spacer(0, 4), table])

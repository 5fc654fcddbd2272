"""Checking the audit log and the database file, with findings a person can act on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.storage import audit


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    events: int
    head_hash: str
    message: str


def verify_audit(session: Session) -> AuditCheck:
    """Recompute the chain and compare the data with it; name the first mismatch."""
    report = audit.verify(session.connection())
    if report.problem is None:
        return AuditCheck(
            True,
            report.events,
            report.head_hash,
            _("The audit log is intact: {count} events, head {head}.").format(
                count=format_number(report.events, current_language()), head=report.head_hash[:16]
            ),
        )
    problem = report.problem
    return AuditCheck(
        False,
        report.events,
        report.head_hash,
        _("The audit log does not match at {where}.").format(where=problem.describe()),
    )

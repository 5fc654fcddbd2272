"""The joint action plan of a meeting, as one table on landscape pages: what, who in the
administration, which CSO partner, when, with what, how it is measured, and where it stands."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable

from civicdesk.documents.blocks import BODY, CELL, Composer
from civicdesk.documents.common import (
    Identity,
    meeting_facts,
    motto,
    short_date,
    verification_block,
)
from civicdesk.documents.layout import MARGIN_SIDE
from civicdesk.documents.records import ActionPlanRecord
from civicdesk.documents.wording import Phrase, Wording

__all__ = ["action_plan_story"]

WIDTH = landscape(A4)[0] - 2 * MARGIN_SIDE
COLUMNS = (0.035, 0.19, 0.085, 0.11, 0.105, 0.09, 0.09, 0.095, 0.13, 0.07)


def action_plan_story(
    record: ActionPlanRecord, wording: Wording, identity: Identity, *, with_motto: bool
) -> list[Flowable]:
    composer = Composer(wording)
    w = wording
    facts = record.meeting
    story: list[Flowable] = []
    if with_motto:
        story += motto(w)
    story += composer.title(w.gettext("Joint action plan"))
    story += composer.paragraph(
        w.pick(facts.details.title_km, facts.details.title_en),
        BODY.but(size=12, bold=True, align="center", space_after=6),
    )
    story.append(meeting_facts(composer, facts, WIDTH, pairs_per_row=2))
    if not record.actions:
        story += composer.paragraph(
            w.gettext("No actions have been planned in this meeting."), BODY.but(space_before=8)
        )
    else:
        rows: list[list[Phrase]] = []
        for action in record.actions:
            plan = action.plan
            status = w.label(action.status)
            if action.progress_percent:
                status = w.format(
                    w.gettext("{status} ({percent}%)"),
                    status=status,
                    percent=action.progress_percent,
                )
            rows.append(
                [
                    w.number(action.position),
                    w.pick(plan.description_km, plan.description_en),
                    (action.recommendation_code,),
                    w.pick(plan.responsible_office_km, plan.responsible_office_en),
                    w.pick(action.cso_partner_name_km, action.cso_partner_name_en),
                    short_date(w, plan.start_date),
                    short_date(w, plan.due_date),
                    w.pick(plan.resources_km, plan.resources_en),
                    w.pick(plan.indicator_km, plan.indicator_en),
                    status,
                ]
            )
        story.append(
            composer.table(
                [
                    w.gettext("No."),
                    w.gettext("Action"),
                    w.gettext("Code"),
                    w.gettext("Responsible office"),
                    w.gettext("CSO partner"),
                    w.gettext("Start"),
                    w.gettext("Due"),
                    w.gettext("Resources"),
                    w.gettext("Indicator"),
                    w.gettext("Status"),
                ],
                rows,
                [WIDTH * share for share in COLUMNS],
                style=CELL.but(size=8.5),
            )
        )
    story.append(verification_block(composer, identity, WIDTH))
    return story

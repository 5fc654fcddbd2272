"""The secretariat's window: every district's recommendations, consolidation, and reports."""

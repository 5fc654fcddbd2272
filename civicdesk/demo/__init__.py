"""Demo data for CivicDesk: the Battambang programme, as plain data in :mod:`.content`."""

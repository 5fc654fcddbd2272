"""The sign-in page's parts: the search panel, the new-person form, the attendance and
headcount tables, the import preview, and the undoable edits they make."""

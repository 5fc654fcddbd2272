"""Workspace tests share the `workspace` fixture of tests/ui/conftest.py."""

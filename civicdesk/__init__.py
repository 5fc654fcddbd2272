"""CivicDesk: joint consultation meetings between district administrations and civil society."""

__version__ = "0.1.0"

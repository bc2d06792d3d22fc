"""The application's version, shown in Help ▸ About and written into exported files."""

__version__ = "0.1.0"

"""clientarea: the hosting client area in the terminal."""

__version__ = "0.1.0"

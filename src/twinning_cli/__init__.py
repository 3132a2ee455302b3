"""twinning: a source-cited register of cooperation agreements between territories."""

__version__ = "0.1.0"

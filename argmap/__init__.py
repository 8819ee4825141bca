"""argmap: map where several authors' accounts of one event agree and clash."""

__version__ = "0.1.0"

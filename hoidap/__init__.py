"""hoidap: cited question answering over Vietnamese digital-transformation policy documents."""

__version__ = "0.1.0"

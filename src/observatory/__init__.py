"""Observatory: source-linked casualty claims, incidents and tolls from news reports."""

__version__ = "0.1.0"

"""T-Cell Hero: a calm game that explains CAR T-cell therapy to children."""

__version__ = "0.1.0"

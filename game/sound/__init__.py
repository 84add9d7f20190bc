"""Sound made by the project itself: effects and music synthesised in code (see synth)."""

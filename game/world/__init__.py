"""The cell world: pure game rules with no pygame, driven by ``dt`` and pointer intents."""

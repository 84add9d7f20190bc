"""The pygame side of the game: window, input, drawing and the main loop.

Only this package touches pygame. Import ``game.app.platform.sdl`` first: it sets SDL's environment
before pygame loads.
"""

"""The game's sounds, synthesised from numbers: no recordings, no downloaded files.

Each recipe returns mono samples in -1..1 at ``RATE``. ``python -m game sounds`` writes them as
WAV and has sox encode them to OGG Vorbis in assets/sounds/ (the OGG files are committed, so
players need nothing). Everything is soft: gentle attacks, low peaks, no harsh high tones.
Pure Python (no pygame), so tests can check the recipes directly.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

RATE = 22050
#: The loudest any sound gets; effects sit well below full scale so nothing startles.
PEAK = 0.5


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def _tone(
    out: list[float],
    start: float,
    seconds: float,
    freq: Callable[[float], float] | float,
    level: float,
    decay: float,
    attack: float = 0.004,
    harmonics: tuple[float, ...] = (1.0,),
) -> None:
    """Add a tone starting at ``start`` s. ``freq`` may change over time (a sweep); the sound
    rises over ``attack`` s and fades exponentially (``decay``: seconds to fall to a third).
    Samples past the end wrap around, so a loop's last notes ring into its start."""
    phase = 0.0
    first = round(start * RATE)
    for i in range(round(seconds * RATE)):
        t = i / RATE
        f = freq(t) if callable(freq) else freq
        phase += math.tau * f / RATE
        envelope = min(1.0, t / attack) * math.exp(-t / decay)
        value = sum(math.sin(phase * (n + 1)) * h for n, h in enumerate(harmonics))
        out[(first + i) % len(out)] += value * envelope * level


def click() -> list[float]:
    """A CAR clicking onto CD19: two quick, soft wooden taps."""
    out = _silence(0.25)
    _tone(out, 0.0, 0.12, 1400, 0.5, 0.018, harmonics=(1.0, 0.3))
    _tone(out, 0.06, 0.15, 2100, 0.4, 0.022, harmonics=(1.0, 0.2))
    return out


def pop() -> list[float]:
    """A soft bubble pop that turns into a little sparkle."""
    out = _silence(0.7)
    _tone(out, 0.0, 0.15, lambda t: 300 + 5000 * t, 0.6, 0.04)
    for start, note in ((0.08, 1568.0), (0.16, 2093.0), (0.24, 2637.0)):
        _tone(out, start, 0.45, note, 0.18, 0.12)
    return out


def drip() -> list[float]:
    """One water drop: a quick rising 'bloop'."""
    out = _silence(0.35)
    _tone(out, 0.0, 0.3, lambda t: 420 + 900 * min(1.0, t / 0.05), 0.6, 0.05)
    return out


def whoosh() -> list[float]:
    """Soft air: noise that swells and fades, through a gentle low-pass filter."""
    rng = random.Random(19)
    seconds = 0.7
    out = _silence(seconds)
    smooth = 0.0
    for i in range(len(out)):
        t = i / RATE
        swell = math.sin(math.pi * t / seconds) ** 2
        cutoff = 0.04 + 0.12 * swell  # the filter opens as the air rushes past
        smooth += (rng.uniform(-1, 1) - smooth) * cutoff
        out[i] = smooth * swell * 2.2
    return out


def chime() -> list[float]:
    """Two bell notes, rising: 'well done' without fanfare."""
    out = _silence(1.2)
    _tone(out, 0.0, 1.0, 1318.5, 0.35, 0.3, harmonics=(1.0, 0.25, 0.1))
    _tone(out, 0.12, 1.0, 1975.5, 0.3, 0.3, harmonics=(1.0, 0.2))
    return out


def split() -> list[float]:
    """One cell becoming two: a soft upward 'boing'."""
    out = _silence(0.45)
    _tone(
        out, 0.0, 0.4, lambda t: 330 + 330 * min(1.0, t / 0.25) + 12 * math.sin(t * 60), 0.5, 0.12
    )
    return out


#: The music: a calm loop in C major pentatonic, 80 beats a minute, eight bars.
BEAT = 60 / 80
CHORDS = ((130.8, 196.0, 261.6), (110.0, 164.8, 220.0), (87.3, 130.8, 174.6), (98.0, 146.8, 196.0))
MELODY = (  # (beat, note in Hz), a music box over the chords
    (0, 523.3),
    (2, 659.3),
    (3, 587.3),
    (4, 523.3),
    (6, 440.0),
    (8, 392.0),
    (10, 440.0),
    (11, 523.3),
    (12, 587.3),
    (14, 523.3),
    (16, 659.3),
    (18, 784.0),
    (19, 659.3),
    (20, 587.3),
    (22, 523.3),
    (24, 440.0),
    (26, 523.3),
    (27, 440.0),
    (28, 392.0),
    (30, 440.0),
)


def music() -> list[float]:
    """About 24 seconds that loop without a seam: every note's tail wraps to the start."""
    bars = 8
    out = _silence(bars * 4 * BEAT)
    for bar in range(bars):
        for note in CHORDS[bar % len(CHORDS)]:  # a soft pad, one chord a bar
            _tone(out, bar * 4 * BEAT, 4 * BEAT * 1.5, note, 0.07, 1.6, attack=0.5)
    for beat, note in MELODY:
        _tone(out, beat * BEAT, 2.0, note, 0.16, 0.45, harmonics=(1.0, 0.15))
    return out


EFFECTS: dict[str, Callable[[], list[float]]] = {
    "click": click,
    "pop": pop,
    "drip": drip,
    "whoosh": whoosh,
    "chime": chime,
    "split": split,
}


def normalised(samples: list[float], peak: float = PEAK) -> list[float]:
    """Scale so the loudest sample is ``peak``: every sound is equally gentle."""
    loudest = max((abs(s) for s in samples), default=0.0)
    if loudest == 0:
        return samples
    return [s * peak / loudest for s in samples]


def pcm16(samples: list[float]) -> bytes:
    """16-bit little-endian PCM, as a WAV file holds it."""
    import array
    import sys

    data = array.array("h", (max(-32767, min(32767, round(s * 32767))) for s in samples))
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def write_all(folder, encode: Callable[[object, object], None]) -> list:
    """Synthesise every effect into ``folder``/sounds and the music into ``folder``/music, as
    OGG files made by ``encode(wav_path, ogg_path)``. Returns the files written."""
    import tempfile
    import wave
    from pathlib import Path

    folder = Path(folder)
    recipes = {f"sounds/{name}.ogg": (recipe, PEAK) for name, recipe in EFFECTS.items()}
    recipes["music/journey.ogg"] = (music, 0.4)
    written = []
    with tempfile.TemporaryDirectory() as temp:
        for relative, (recipe, peak) in recipes.items():
            wav_path = Path(temp) / (Path(relative).stem + ".wav")
            with wave.open(str(wav_path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(RATE)
                wav.writeframes(pcm16(normalised(recipe(), peak)))
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            encode(wav_path, target)
            written.append(target)
    return written

"""A latitude or a longitude as people write it: decimal degrees (with a decimal comma too), with
or without its hemisphere as a letter or a word, or in degrees, minutes and seconds
('48°06′53″N', '1°40′46″ ouest'), as lists copy them from Wikipedia. geopy reads the degrees,
minutes and seconds; it is imported only for a value that is not a plain number.
"""

from __future__ import annotations

import math
import re
import warnings

# Hemisphere words, in French and English, and the French 'O' (ouest), as the letters geopy reads.
_WORDS = {"nord": "N", "north": "N", "sud": "S", "south": "S", "est": "E", "east": "E", "ouest": "W", "west": "W",
          "o": "W"}
_WORD = re.compile(r"(?<![^\W\d_])(nord|north|sud|south|est|east|ouest|west|o)(?![^\W\d_])", re.IGNORECASE)
_OTHER_AXIS = {"lat": re.compile(r"[EW]"), "lng": re.compile(r"[NS]")}
_DEGREES = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_LIMIT = {"lat": 90, "lng": 180}


def read(value: str, axis: str) -> float | None:
    """The coordinate a cell gives for `axis` ('lat' or 'lng'), in decimal degrees (six places
    where it was worked out from minutes and seconds), or None when it gives none: '48°06′53″N'
    -> 48.114722, '4,49 O' -> -4.49; '48 W' for a latitude, '190°E', '200', 'nan' or 'n/a' -> None."""
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        pass
    else:  # 'nan', 'inf' and 1e308 are floats too: no point
        return number if math.isfinite(number) and abs(number) <= _LIMIT[axis] else None
    text = re.sub(r"([0-9]),([0-9])", r"\1.\2", text)
    text = _WORD.sub(lambda match: _WORDS[match.group(1).lower()], text).upper()
    degrees = _DEGREES.search(text)
    if degrees is None or _OTHER_AXIS[axis].search(text) or float(degrees.group()) > _LIMIT[axis]:
        return None
    from geopy.point import Point

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            point = Point(f"{text} 0" if axis == "lat" else f"0 {text}")
    except ValueError:
        return None
    return round(point.latitude if axis == "lat" else point.longitude, 6)

"""Work out a user's time zone from what they type: "Copenhagen", "new york", "UTC+2".

``parse_timezone`` accepts, in this order:

* an IANA zone name in any case, with spaces or underscores ("europe/copenhagen");
* a UTC offset in whole hours ("utc", "UTC+2", "+02:00", "GMT-5"), mapped to the fixed
  ``Etc/GMT`` zones, whose sign is inverted by POSIX convention: UTC+2 is ``Etc/GMT-2``.
  Offsets with minutes ("+05:30") are not guessed at: None;
* a city that names a zone ("Copenhagen", "Los Angeles", "sao paulo"), matched on the last
  part of the zone name, ignoring case, accents, spaces and underscores;
* a common city that is not a zone name ("San Francisco", "Munich", "Aarhus", "Delhi").

Anything else gives None, so the caller can ask again.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

_GEOGRAPHIC_AREAS = {
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
    "Europe", "Indian", "Pacific",
}
CITY_ALIASES = {
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "nyc": "America/New_York",
    "new york city": "America/New_York",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "aarhus": "Europe/Copenhagen",
    "odense": "Europe/Copenhagen",
    "malmo": "Europe/Stockholm",
    "gothenburg": "Europe/Stockholm",
    "manchester": "Europe/London",
    "birmingham": "Europe/London",
    "edinburgh": "Europe/London",
    "glasgow": "Europe/London",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "geneva": "Europe/Zurich",
    "rio de janeiro": "America/Sao_Paulo",
    "beijing": "Asia/Shanghai",
}
_OFFSET = re.compile(r"(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?")
_UTC_WORDS = {"utc", "gmt", "z", "zulu"}


def parse_timezone(text: str) -> ZoneInfo | None:
    """The zone the user means, or None if it can't be told (see the module docstring)."""
    key = _normalise(text)
    if not key:
        return None
    if key in _UTC_WORDS:
        return ZoneInfo("UTC")
    offset = _OFFSET.fullmatch(key)
    if offset:
        return _fixed_offset_zone(offset)
    name = _zone_names_by_key().get(key) or _zone_names_by_city().get(key) or CITY_ALIASES.get(key)
    return ZoneInfo(name) if name else None


def describe_zone(tz: ZoneInfo, at: datetime | None = None) -> str:
    """A readable zone name, e.g. "Copenhagen (Europe/Copenhagen)" or "UTC+2 (fixed offset)".

    With ``at`` (aware), the offset in force at that moment is added:
    "Copenhagen (Europe/Copenhagen), currently UTC+01:00".
    """
    name = tz.key
    fixed = re.fullmatch(r"Etc/GMT(?P<sign>[+-])(?P<hours>\d+)", name)
    if name in ("UTC", "Etc/UTC"):
        text = "UTC"
    elif fixed:
        sign = "-" if fixed["sign"] == "+" else "+"  # Etc/GMT signs are inverted
        text = f"UTC{sign}{fixed['hours']} (fixed offset)"
    else:
        text = f"{name.rsplit('/', 1)[-1].replace('_', ' ')} ({name})"
    if at is None:
        return text
    offset = at.astimezone(tz).strftime("%z")
    return f"{text}, currently UTC{offset[:3]}:{offset[3:]}"


def _normalise(text: str) -> str:
    """Lower-case, accents dropped, underscores as spaces, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().replace("_", " ").split()).strip(" .!?")


def _fixed_offset_zone(offset: re.Match[str]) -> ZoneInfo | None:
    hours = int(offset["hours"])
    if int(offset["minutes"] or 0) != 0:
        return None
    signed = hours if offset["sign"] == "+" else -hours
    if not -12 <= signed <= 14:
        return None
    if signed == 0:
        return ZoneInfo("UTC")
    return ZoneInfo(f"Etc/GMT{-signed:+d}")


@functools.lru_cache(maxsize=1)
def _zone_names_by_key() -> dict[str, str]:
    return {_normalise(name): name for name in available_timezones()}


@functools.lru_cache(maxsize=1)
def _zone_names_by_city() -> dict[str, str]:
    """City part of each geographic zone; on a clash the alphabetically first zone wins."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        area, _, rest = name.partition("/")
        if area in _GEOGRAPHIC_AREAS and rest:
            cities.setdefault(_normalise(name.rsplit("/", 1)[-1]), name)
    return cities

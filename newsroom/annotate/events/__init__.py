"""Events in ACLED's terms: triggers, the frames that type them by who takes part, their
details and deaths, and their confidence."""

from .fatalities import Count, fatalities
from .finding import find_events

__all__ = ["Count", "fatalities", "find_events"]

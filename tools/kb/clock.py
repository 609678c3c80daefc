"""Today's date, the one input of the build that is not a file.

Reviews fall due with time, so the checks and the pages that report them
read the date here and nowhere else. `KB_TODAY=YYYY-MM-DD` fixes it: the
tests set it for the whole session (tests/conftest.py), so no test starts
failing on the day a review falls due. Production never sets it.
"""

from __future__ import annotations

import os
from datetime import date

ENVIRONMENT_VARIABLE = "KB_TODAY"


def today() -> date:
    pinned = os.environ.get(ENVIRONMENT_VARIABLE)
    return date.fromisoformat(pinned) if pinned else date.today()

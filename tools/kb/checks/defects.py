"""Defects of the delivered sources that readers must never see.

Listed in sources/README.md: scraping artifacts, machine-translation errors
from the English sandwich-shop example, and a vendor's click path.
"""

KNOWN_DEFECTS: tuple[str, ...] = (
    "firmyWysiłki",
    "specyfikacjiALS",
    "INNE JĘZYKI",
    "e -mail",
    "kaapeli -tv -yhtiöiden",
    "premium -televisiopalvelu",
    "kanta -asiakasohjelmia",
    "likti. klientas.",
    "pysyä asiakas.",
    "sottomarini",
    "negozio sub",
    "alikauppa",
    "alipalvelunsa",
    "antrinė parduotuvė",
    "prenumeratą",
    "karty do uderzeń",
    "LiveAgent",
    "Sukurti agentą",
)


def find_defects(text: str) -> list[tuple[int, int, str]]:
    """(line, column, defect) for every known defect in a text."""
    found = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        for defect in KNOWN_DEFECTS:
            col = line.find(defect)
            if col >= 0:
                found.append((lineno, col + 1, defect))
    return found

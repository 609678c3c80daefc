"""SCORM packages: one per module, language and version (SCORM 1.2 and
SCORM 2004 4th edition), each a single SCO that is the quiz itself.

A package holds imsmanifest.xml, the SCO's page (scorm_page.py), its script
(scorm_sco.js) and stylesheet (scorm_sco.css): nothing is loaded from the
network. The manifest declares the module's pass mark to the LMS (1.2
masteryscore, 2004 primary objective's minimum normalised measure) so the
LMS and the SCO agree on passed or failed. Zips are deterministic.
"""

from __future__ import annotations

from importlib import resources
from xml.sax.saxutils import escape

from kb.content.project import Project
from kb.content.quiz import QuizModule
from kb.zipfiles import sorted_zip
from kb.lms.scorm_page import sco_page

# Export key → the version the SCO's script is told (which API it looks for).
VERSIONS = {"scorm12": "1.2", "scorm2004": "2004"}
LABELS = {"scorm12": "SCORM 1.2", "scorm2004": "SCORM 2004"}
SCO_FILES = ("index.html", "scorm_sco.css", "scorm_sco.js")
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

CP12_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP12_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
CP2004_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP2004_NS = "http://www.adlnet.org/xsd/adlcp_v1p3"
IMSSS_NS = "http://www.imsglobal.org/xsd/imsss"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def package_name(lang: str, module_id: str, version: str) -> str:
    """File name of a package, in the QTI export's pattern: retention-kb-<lang>-<module>-<version>.zip."""
    return f"retention-kb-{lang}-{module_id}-{version}.zip"


def _files_xml() -> str:
    return "".join(f'<file href="{name}"/>' for name in SCO_FILES)


def manifest_12(module: QuizModule, lang: str) -> str:
    title = escape(" ".join(module.title[lang].split()))
    return (
        f'{_HEAD}<manifest xmlns="{CP12_NS}" xmlns:adlcp="{ADLCP12_NS}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{CP12_NS} imscp_rootv1p1p2.xsd {ADLCP12_NS} adlcp_rootv1p2.xsd" '
        f'identifier="retention-kb.{lang}.{module.id}.scorm12" version="1">\n'
        "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>\n"
        f'<organizations default="org.{module.id}"><organization identifier="org.{module.id}">'
        f"<title>{title}</title>"
        f'<item identifier="item.{module.id}" identifierref="sco.{module.id}" isvisible="true">'
        f"<title>{title}</title><adlcp:masteryscore>{module.pass_mark}</adlcp:masteryscore></item>"
        "</organization></organizations>\n"
        f'<resources><resource identifier="sco.{module.id}" type="webcontent" adlcp:scormtype="sco" '
        f'href="index.html">{_files_xml()}</resource></resources>\n'
        "</manifest>\n"
    )


def manifest_2004(module: QuizModule, lang: str) -> str:
    title = escape(" ".join(module.title[lang].split()))
    # The SCO reports completion and success itself; the primary objective tells
    # the LMS the pass mark as a scaled score (cmi.scaled_passing_score).
    sequencing = (
        "<imsss:sequencing><imsss:objectives>"
        f'<imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">'
        f"<imsss:minNormalizedMeasure>{module.pass_mark / 100:.2f}</imsss:minNormalizedMeasure>"
        "</imsss:primaryObjective></imsss:objectives>"
        '<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>'
        "</imsss:sequencing>"
    )
    return (
        f'{_HEAD}<manifest xmlns="{CP2004_NS}" xmlns:adlcp="{ADLCP2004_NS}" xmlns:imsss="{IMSSS_NS}" '
        f'xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{CP2004_NS} imscp_v1p1.xsd {ADLCP2004_NS} adlcp_v1p3.xsd '
        f'{IMSSS_NS} imsss_v1p0.xsd" identifier="retention-kb.{lang}.{module.id}.scorm2004" version="1">\n'
        "<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>\n"
        f'<organizations default="org.{module.id}"><organization identifier="org.{module.id}">'
        f"<title>{title}</title>"
        f'<item identifier="item.{module.id}" identifierref="sco.{module.id}"><title>{title}</title>'
        f"{sequencing}</item>"
        "</organization></organizations>\n"
        f'<resources><resource identifier="sco.{module.id}" type="webcontent" adlcp:scormType="sco" '
        f'href="index.html">{_files_xml()}</resource></resources>\n'
        "</manifest>\n"
    )


def _runtime_file(name: str) -> str:
    return resources.files("kb.lms").joinpath(name).read_text(encoding="utf-8")


def scorm_package(project: Project, module: QuizModule, lang: str, version: str,
                  site_url: str | None = None) -> bytes:
    """The zip for one module, language and version ("scorm12" or "scorm2004")."""
    manifest = manifest_12(module, lang) if version == "scorm12" else manifest_2004(module, lang)
    return sorted_zip({
        "imsmanifest.xml": manifest,
        "index.html": sco_page(project, module, lang, VERSIONS[version], site_url),
        "scorm_sco.css": _runtime_file("scorm_sco.css"),
        "scorm_sco.js": _runtime_file("scorm_sco.js"),
    })

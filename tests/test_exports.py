"""LMS exports, read back by third-party parsers: QTI 2.1 packages by the
official IMS schemas (lxml), pyslet's QTI 2.1 engine and citolab-qti-convert
(PyPI), Moodle GIFT by gift-pegjs (npm)."""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import subprocess
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from qti_convert import read_package, upgrade_package

from kb.content.quiz import QuizModule
from kb.lms.gift import MOODLE_PERCENTS, TOLERANCE, gift_document
from kb.lms.markup import inline_html
from kb.lms.qti import QTI_NS, item_id, item_path, qti_package, assessment_test_path
from kb.languages import LANGUAGES
from kb.content.project import load_project
from kb.render.training import module_order

LMS = Path(__file__).parent / "lms"
NS = {"q": QTI_NS, "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}


@pytest.fixture(scope="module")
def modules(root):
    project = load_project(root)
    found = module_order(project)
    assert found, "no quiz modules"
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_qti_package_is_deterministic_and_complete(modules, lang):
    data = qti_package(modules, lang)
    assert data == qti_package(modules, lang)
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    resources = manifest.findall(".//cp:resource", NS)
    questions = [(m, q) for m in modules for q in m.questions]
    assert len(resources) == len(questions) + len(modules)
    for module, question in questions:
        item = etree.fromstring(archive.read(item_path(module, question, lang)))
        assert item.get("identifier") == item_id(module, question, lang)
        assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        values = [v.text for v in item.findall(".//q:correctResponse/q:value", NS)]
        explanation = item.find(".//q:modalFeedback[@identifier='explanation']", NS)
        assert "".join(explanation.itertext()).strip()
        if question.type == "fill":
            assert values == [question.answers[lang][0]]
            keys = [e.get("mapKey") for e in item.findall(".//q:mapEntry", NS)]
            assert keys == question.answers[lang]
        else:
            assert values == [f"c{i}" for i, o in enumerate(question.options) if o.correct]
            feedback = item.findall(".//q:modalFeedback[@outcomeIdentifier='FEEDBACK']", NS)
            assert len(feedback) == sum(o.feedback is not None for o in question.options)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_qti_package_reads_in_citolab_converter(modules, lang, tmp_path):
    package = tmp_path / "qti21.zip"
    package.write_bytes(qti_package(modules, lang))
    upgrade_package(str(package), str(tmp_path / "qti3.zip"))
    upgraded = read_package(str(tmp_path / "qti3.zip"))
    items = [name for name in upgraded if name.startswith("items/")]
    assert len(items) == sum(len(m.questions) for m in modules)
    first = modules[0].questions[0]
    text = upgraded[item_path(modules[0], first, lang)]
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    assert "qti-assessment-item" in text and f'xml:lang="{lang}"' in text


def parse_gift(path: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (LMS / "node_modules" / "gift-pegjs").is_dir():
        message = "node and tests/lms/node_modules (make test installs them) are needed for the GIFT parser"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, str(LMS / "parse_gift.js"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _text(value: str) -> str:
    """What a reader sees: character references (`&#37;` for `%`) decoded."""
    return html.unescape(value)


def assert_moodle_weights(found: dict, question) -> None:
    """Weights as Moodle takes them: from its list, correct ones summing to 100,
    wrong ones at most 0 and together at most -100."""
    weights = [c["weight"] for c in found["choices"]]
    allowed = {float(p) for p in MOODLE_PERCENTS}
    assert all(w is not None and abs(w) in allowed for w in weights), weights
    correct = [w for w, o in zip(weights, question.options) if o.correct]
    wrong = [w for w, o in zip(weights, question.options) if not o.correct]
    assert all(w > 0 for w in correct) and abs(sum(correct) - 100) <= TOLERANCE, weights
    assert all(w <= 0 for w in wrong) and (not wrong or sum(wrong) <= -100 + TOLERANCE), weights


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gift_parses_with_gift_pegjs(modules, lang, tmp_path):
    path = tmp_path / "export.gift.txt"
    path.write_text(gift_document(modules, lang), encoding="utf-8")
    parsed = [q for q in parse_gift(path) if q["type"] != "Category"]
    expected = [(m, q) for m in modules for q in m.questions]
    assert len(parsed) == len(expected)
    multiple = 0
    for found, (module, question) in zip(parsed, expected):
        assert found["title"] == f"{module.id}/{question.id}"
        assert found["stem"]["format"] == "html"
        assert _text(found["globalFeedback"]["text"]) == _text(inline_html(question.explanation[lang]))
        if question.type == "fill":
            assert found["type"] == "Short"
            assert [c["text"]["text"] for c in found["choices"]] == question.answers[lang]
            continue
        assert found["type"] == "MC"
        assert [_text(c["text"]["text"]) for c in found["choices"]] == [_text(inline_html(o.text[lang])) for o in question.options]
        if question.type == "single":
            assert [c["isCorrect"] for c in found["choices"]] == [o.correct for o in question.options]
        else:
            assert_moodle_weights(found, question)
            multiple += 1
        for choice, option in zip(found["choices"], question.options):
            if option.feedback is not None:
                assert _text(choice["feedback"]["text"]) == _text(inline_html(option.feedback[lang]))
    assert multiple > 0


HOSTILE = "%100% ~ = # { } : \\ 50%"


def _hostile_module(correct: int) -> QuizModule:
    """Every GIFT special character in every text, and a wrong option that
    starts like a 100 % weight (issue 17)."""
    def text(value: str) -> dict:
        return {lang: f"{value} {HOSTILE}" for lang in LANGUAGES}

    options = [{"text": text(f"%100%right {n}"), "correct": True} for n in range(correct)]
    options += [{"text": text(f"%100%wrong {n}"), "feedback": text(f"%-50%why {n}")} for n in range(2)]
    return QuizModule.model_validate({
        "id": "hostile", "title": text("Title"), "intro": text("Intro"), "objectives": [text("Objective")],
        "minutes": 5, "pass_mark": 75, "audience": "any-rep",
        "questions": [
            {"id": "single", "type": "single", "question": text("Q1"), "explanation": text("E1"),
             "cite": "retention-programs#definition",
             "options": [{"text": text("%100%right"), "correct": True}, {"text": text("%100%wrong"), "feedback": text("no")}]},
            {"id": "multiple", "type": "multiple", "question": text("Q2"), "explanation": text("E2"),
             "cite": "retention-programs#definition", "options": options},
            {"id": "fill", "type": "fill", "question": text("Q3 ___"), "explanation": text("E3"),
             "cite": "retention-programs#definition", "answers": {lang: ["%100%x {=}", "y:#~"] for lang in LANGUAGES}},
        ],
        "review": {"owner": "kb-maintainers", "last_reviewed": "2026-11-01", "interval_days": 180},
    })


@pytest.mark.parametrize("correct", [2, 3, 6, 7, 9])
def test_gift_special_characters_stay_text_and_weights_stay_moodles(correct, tmp_path):
    module = _hostile_module(correct)
    path = tmp_path / "hostile.gift.txt"
    path.write_text(gift_document([module], "pl"), encoding="utf-8")
    single, multiple, fill = [q for q in parse_gift(path) if q["type"] != "Category"]
    assert [c["isCorrect"] for c in single["choices"]] == [True, False]
    assert [c["weight"] for c in single["choices"]] == [None, None]  # no weight read from "%100%wrong"
    assert _text(single["choices"][1]["text"]["text"]) == _text(inline_html(f"%100%wrong {HOSTILE}"))
    assert_moodle_weights(multiple, module.questions[1])
    for choice, option in zip(multiple["choices"], module.questions[1].options):
        assert _text(choice["text"]["text"]) == _text(inline_html(option.text["pl"]))
    assert _text(multiple["stem"]["text"]) == _text(inline_html(f"Q2 {HOSTILE}"))
    assert [c["text"]["text"] for c in fill["choices"]] == ["%100%x {=}", "y:#~"]
    assert [c["weight"] for c in fill["choices"]] == [100, 100]


# --- QTI 2.1 against the official schemas and a QTI engine -------------------

STANDARDS = Path(__file__).parent / "standards"
XLINK = "http://www.w3.org/1999/xlink"


class _LocalSchemas(etree.Resolver):
    """The APIP extension imports xml.xsd by its W3C address: use the local copy."""

    def resolve(self, url, pubid, context):
        if url.startswith("http") and url.endswith("/xml.xsd"):
            return self.resolve_filename(str(STANDARDS / "qti21" / "xsd" / "xml.xsd"), context)
        return None


def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(path), parser))


@pytest.fixture(scope="module")
def schemas():
    return {"qti": _schema(STANDARDS / "qti21" / "imsqti_v2p1p2.xsd"),
            "cp": _schema(STANDARDS / "imscp" / "imscp_v1p1.xsd")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_qti_file_is_schema_valid(modules, schemas, lang):
    archive = zipfile.ZipFile(io.BytesIO(qti_package(modules, lang)))
    names = archive.namelist()
    expected = 1 + len(modules) + sum(len(m.questions) for m in modules)
    assert len(names) == expected
    invalid = {}
    for name in names:
        schema = schemas["cp"] if name == "imsmanifest.xml" else schemas["qti"]
        if not schema.validate(etree.fromstring(archive.read(name))):
            invalid[name] = str(schema.error_log.last_error)
    assert invalid == {}, f"{len(invalid)} of {len(names)} files invalid"
    print(f"{lang}: {len(names) - len(invalid)}/{len(names)} files schema-valid")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_qti_reference_resolves_inside_the_zip(modules, lang):
    archive = zipfile.ZipFile(io.BytesIO(qti_package(modules, lang)))
    names = set(archive.namelist())
    resolved = 0
    for name in sorted(names):
        root = etree.fromstring(archive.read(name))
        for element in root.iter():
            href = element.get("href")
            if href is None or element.tag == f"{{{NS['cp']}}}resource":
                continue  # resource@href repeats its <file href>, checked below
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
            assert target in names, f"{name}: {href} resolves to {target}, not in the package"
            resolved += 1
        for dependency in root.iter(f"{{{NS['cp']}}}dependency"):
            assert root.find(f".//cp:resource[@identifier='{dependency.get('identifierref')}']", NS) is not None
    assert resolved == len(names) - 1 + sum(len(m.questions) for m in modules)  # manifest files + test refs


def test_qti_identifiers_are_unique_across_languages(modules):
    seen: dict[str, str] = {}
    for lang in LANGUAGES:
        archive = zipfile.ZipFile(io.BytesIO(qti_package(modules, lang)))
        for name in archive.namelist():
            root = etree.fromstring(archive.read(name))
            identifier = root.get("identifier")
            assert identifier not in seen, f"{identifier} in {lang} and {seen[identifier]}"
            seen[identifier] = lang
    assert len(seen) == len(LANGUAGES) * (1 + len(modules) + sum(len(m.questions) for m in modules))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_qti_test_totals_the_score_and_decides_pass_from_the_pass_mark(modules, lang):
    archive = zipfile.ZipFile(io.BytesIO(qti_package(modules, lang)))
    for module in modules:
        test = etree.fromstring(archive.read(assessment_test_path(module, lang)))
        declared = {d.get("identifier"): d.get("baseType") for d in test.findall("q:outcomeDeclaration", NS)}
        assert declared == {"SCORE": "float", "MAXSCORE": "float", "PASS": "boolean"}
        score, passed = test.findall("q:outcomeProcessing/q:setOutcomeValue", NS)
        assert score.get("identifier") == "SCORE"
        assert score.find("q:sum/q:testVariables", NS).get("variableIdentifier") == "SCORE"
        assert passed.get("identifier") == "PASS"
        threshold = passed.find("q:gte/q:baseValue", NS)
        assert float(threshold.text) == module.pass_mark * len(module.questions)  # 100 * SCORE >= this


def _pyslet_sessions(folder: Path, module, lang: str):
    """pyslet opens the test from its file and loads each item through the
    test's own href (resolved relative to the test file, as the spec says)."""
    from pyslet import rfc2396
    from pyslet.qtiv2 import tests as qti_tests
    from pyslet.qtiv2 import variables
    from pyslet.qtiv2.xml import QTIDocument

    document = QTIDocument(baseURI=rfc2396.URI.from_path(str(folder / assessment_test_path(module, lang))))
    document.read()
    session = variables.TestSessionState(qti_tests.TestForm(document.root))
    return [state for state in session.namespace if isinstance(state, variables.ItemSessionState)]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyslet 0.7's own old-name shims
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pyslet_opens_every_qti_test_and_scores_every_item(modules, lang, tmp_path):
    zipfile.ZipFile(io.BytesIO(qti_package(modules, lang))).extractall(tmp_path)
    scored = 0
    for module in modules:
        items = _pyslet_sessions(tmp_path, module, lang)
        assert [s.item.identifier for s in items] == [item_id(module, q, lang) for q in module.questions]
        for state, question in zip(items, module.questions):
            # The correct response scores 1, a wrong one 0. (begin_attempt is not
            # called: it renders HTML, which pyslet does not do for text entries.)
            for response, expected in ((state["RESPONSE.CORRECT"].value, 1.0), (_wrong_response(question), 0.0)):
                state.begin_session()
                state["RESPONSE"].set_value(response)
                state.end_attempt()
                assert state["SCORE"].value == expected, (state.item.identifier, response)
            scored += 1
    assert scored == sum(len(m.questions) for m in modules)
    print(f"{lang}: pyslet scored {scored} items of {len(modules)} tests")


def _wrong_response(question):
    if question.type == "fill":
        return "definitely not the answer"
    wrong = [f"c{i}" for i, o in enumerate(question.options) if not o.correct]
    return wrong[0] if question.type == "single" else wrong[:1]

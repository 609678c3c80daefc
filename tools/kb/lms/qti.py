"""IMS QTI 2.1 content package: a zip with imsmanifest.xml, one item per
question and one assessment test per module.

Identifiers come from our IDs prefixed with the language (two languages
imported into one item bank do not collide), entries are sorted and timestamps
fixed, so exporting twice gives byte-identical packages. Every file is valid
against the IMS QTI 2.1.2 and IMS CP 1.1.4 schemas (tests/standards/), and
`href`s resolve relative to the file that holds them, as the specs say.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from kb.content.quiz import BLANK, Question, QuizModule
from kb.lms.markup import inline_html
from kb.zipfiles import sorted_zip

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def item_id(module: QuizModule, question: Question, lang: str) -> str:
    return f"{lang}.{module.id}.{question.id}"


def assessment_test_id(module: QuizModule, lang: str) -> str:
    return f"{lang}.{module.id}"


def item_path(module: QuizModule, question: Question, lang: str) -> str:
    """Where an item sits in the package, from the package root."""
    return f"items/{item_id(module, question, lang)}.xml"


def assessment_test_path(module: QuizModule, lang: str) -> str:
    return f"tests/{assessment_test_id(module, lang)}.xml"


def _choice_item(module: QuizModule, q: Question, lang: str) -> tuple[str, str, str, str]:
    options = q.options or []
    cardinality = "single" if q.type == "single" else "multiple"
    correct = "".join(f"<value>c{i}</value>" for i, o in enumerate(options) if o.correct)
    choices = "".join(f'<simpleChoice identifier="c{i}">{inline_html(o.text[lang])}</simpleChoice>'
                      for i, o in enumerate(options))
    feedback = "".join(
        f'<modalFeedback outcomeIdentifier="FEEDBACK" identifier="c{i}" showHide="show">'
        f"{inline_html(o.feedback[lang])}</modalFeedback>"
        for i, o in enumerate(options) if o.feedback is not None
    )
    max_choices = 1 if q.type == "single" else 0
    body = (f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="{max_choices}">'
            f"<prompt>{inline_html(q.question[lang])}</prompt>{choices}</choiceInteraction>")
    declarations = (
        f'<responseDeclaration identifier="RESPONSE" cardinality="{cardinality}" baseType="identifier">'
        f"<correctResponse>{correct}</correctResponse></responseDeclaration>"
        f'<outcomeDeclaration identifier="FEEDBACK" cardinality="{cardinality}" baseType="identifier"/>'
    )
    # Score 1 when correct; FEEDBACK = the chosen options, so each one's feedback shows.
    processing = (
        '<responseProcessing><responseCondition><responseIf><match><variable identifier="RESPONSE"/>'
        '<correct identifier="RESPONSE"/></match><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1'
        '</baseValue></setOutcomeValue></responseIf><responseElse><setOutcomeValue identifier="SCORE">'
        '<baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse></responseCondition>'
        '<setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>'
        '<setOutcomeValue identifier="SHOW_EXPLANATION"><baseValue baseType="identifier">explanation</baseValue>'
        "</setOutcomeValue></responseProcessing>"
    )
    return declarations, body, processing, feedback


def _text_item(module: QuizModule, q: Question, lang: str) -> tuple[str, str, str, str]:
    answers = q.answers[lang]  # type: ignore[index]
    entries = "".join(f"<mapEntry mapKey={quoteattr(a)} mappedValue=\"1\" caseSensitive=\"false\"/>" for a in answers)
    declarations = (
        '<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">'
        f"<correctResponse><value>{escape(answers[0])}</value></correctResponse>"
        f'<mapping defaultValue="0" lowerBound="0" upperBound="1">{entries}</mapping></responseDeclaration>'
    )
    before, _, after = q.question[lang].partition(BLANK)
    body = (f"<p>{inline_html(before)} <textEntryInteraction responseIdentifier=\"RESPONSE\" "
            f"expectedLength=\"{max(len(a) for a in answers) + 2}\"/> {inline_html(after)}</p>")
    processing = (
        '<responseProcessing><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/>'
        '</setOutcomeValue><setOutcomeValue identifier="SHOW_EXPLANATION"><baseValue baseType="identifier">'
        "explanation</baseValue></setOutcomeValue></responseProcessing>"
    )
    return declarations, body, processing, ""


def item_xml(module: QuizModule, q: Question, lang: str) -> str:
    declarations, body, processing, feedback = (
        _text_item(module, q, lang) if q.type == "fill" else _choice_item(module, q, lang)
    )
    explanation = (f'<modalFeedback outcomeIdentifier="SHOW_EXPLANATION" identifier="explanation" showHide="show">'
                   f"{inline_html(q.explanation[lang])}</modalFeedback>")
    title = quoteattr(" ".join(q.question[lang].split())[:80])
    return (
        f'{_HEAD}<assessmentItem xmlns="{QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{QTI_NS} {QTI_XSD}" identifier="{item_id(module, q, lang)}" title={title} '
        f'adaptive="false" timeDependent="false" xml:lang="{lang}">'
        f"{declarations}"
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>"
        '<outcomeDeclaration identifier="SHOW_EXPLANATION" cardinality="single" baseType="identifier"/>'
        f"<itemBody>{body}</itemBody>{processing}{feedback}{explanation}</assessmentItem>\n"
    )


def _outcome_processing(module: QuizModule) -> str:
    """SCORE = the sum of the item scores (one per question), MAXSCORE = the
    number of questions, PASS = SCORE is at least pass_mark % of them: the same
    rule as the site and the receipts (100 * correct >= pass_mark * total)."""
    total = len(module.questions)
    return (
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>"
        '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
        f"<defaultValue><value>{total}</value></defaultValue></outcomeDeclaration>"
        '<outcomeDeclaration identifier="PASS" cardinality="single" baseType="boolean">'
        "<defaultValue><value>false</value></defaultValue></outcomeDeclaration>"
        f'{{parts}}<outcomeProcessing><setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/>'
        "</sum></setOutcomeValue>"
        '<setOutcomeValue identifier="PASS"><gte><product><variable identifier="SCORE"/>'
        '<baseValue baseType="float">100</baseValue></product>'
        f'<baseValue baseType="float">{module.pass_mark * total}</baseValue></gte></setOutcomeValue>'
        "</outcomeProcessing>"
    )


def test_xml(module: QuizModule, lang: str) -> str:
    # Items sit in items/, the test in tests/: references go up one folder.
    refs = "".join(
        f'<assessmentItemRef identifier="{item_id(module, q, lang)}" href="../{item_path(module, q, lang)}"/>'
        for q in module.questions
    )
    tid = assessment_test_id(module, lang)
    parts = (
        f'<testPart identifier="{tid}.part" navigationMode="nonlinear" submissionMode="individual">'
        f'<assessmentSection identifier="{tid}.section" title={quoteattr(module.title[lang])} visible="true">'
        f"{refs}</assessmentSection></testPart>"
    )
    # assessmentTest has no xml:lang in QTI 2.1; the items carry the language.
    return (
        f'{_HEAD}<assessmentTest xmlns="{QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{QTI_NS} {QTI_XSD}" identifier="{tid}" '
        f"title={quoteattr(module.title[lang])}>"
        + _outcome_processing(module).replace("{parts}", parts)
        + "</assessmentTest>\n"
    )


def manifest_xml(modules: list[QuizModule], lang: str) -> str:
    resources = []
    for module in modules:
        deps = "".join(f'<dependency identifierref="res.{item_id(module, q, lang)}"/>' for q in module.questions)
        href = assessment_test_path(module, lang)
        resources.append(f'<resource identifier="res.{assessment_test_id(module, lang)}" type="imsqti_test_xmlv2p1" href="{href}">'
                         f'<file href="{href}"/>{deps}</resource>')
        for q in module.questions:
            href = item_path(module, q, lang)
            resources.append(f'<resource identifier="res.{item_id(module, q, lang)}" type="imsqti_item_xmlv2p1" '
                             f'href="{href}"><file href="{href}"/></resource>')
    return (
        f'{_HEAD}<manifest xmlns="{CP_NS}" identifier="retention-kb-{lang}">'
        "<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>"
        f"<organizations/><resources>{''.join(resources)}</resources></manifest>\n"
    )


def qti_package(modules: list[QuizModule], lang: str) -> bytes:
    files = {"imsmanifest.xml": manifest_xml(modules, lang)}
    for module in modules:
        files[assessment_test_path(module, lang)] = test_xml(module, lang)
        for q in module.questions:
            files[item_path(module, q, lang)] = item_xml(module, q, lang)
    return sorted_zip(files)

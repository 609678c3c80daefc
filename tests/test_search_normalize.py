"""The search normaliser: inflected forms meet, diacritics fold, and the
browser (translated stemmers in the built worker) agrees with Python."""

from __future__ import annotations

import subprocess
import shutil
import json
import os

import pytest

from kb.search.index import Doc, build_index
from kb.search.normalize import fold, key, query_keys, words
from kb.search.snowball_js import stemmers_bundle

SAME_KEY = {
    "lt": [["išlaikymas", "išlaikymo", "išlaikymą", "išlaikymui"], ["kuponas", "kupono", "kuponą", "kuponai"]],
    "pl": [["lojalność", "lojalności", "lojalnością"], ["reklamacja", "reklamacji", "reklamację"]],
    "fi": [["palaute", "palautteen", "palautetta"], ["leimakortti", "leimakortin", "leimakorttia"]],
    "it": [["fidelizzazione", "fidelizzazioni"], ["rimborso", "rimborsi"]],
}


@pytest.mark.parametrize("lang", SAME_KEY)
def test_inflected_forms_share_a_key(lang):
    for group in SAME_KEY[lang]:
        assert len({key(word, lang) for word in group}) == 1, group


def test_fold_removes_diacritics_of_all_four_languages():
    assert fold("išlaikymą ąčęėįšųūž") == "islaikyma aceeisuuz"
    assert fold("lojalność łódź żółć") == "lojalnosc lodz zolc"
    assert fold("säilyttäminen öljy") == "sailyttaminen oljy"
    assert fold("fedeltà perché") == "fedelta perche"


@pytest.mark.parametrize("lang, typed, written", [
    ("lt", "islaikymo", "išlaikymo"), ("pl", "lojalnosci", "lojalności"),
    ("fi", "sailyttamista", "säilyttämistä"), ("it", "fedelta", "fedeltà"),
])
def test_query_without_diacritics_finds_the_written_word(lang, typed, written):
    index = build_index([Doc("x/", written, written, "article", -1)], lang)
    assert query_keys(typed, lang, index["vocab"]) == [key(written, lang)]


def test_words_split_on_punctuation_and_keep_letters():
    assert words("Klientų išlaikymas: 5%–25% (e-mail)") == ["klientų", "išlaikymas", "5", "25", "e", "mail"]


SENTENCES = {
    "lt": "Klientų išlaikymo programos skirtos paskatinti esamus klientus likti; islaikymas, kuponų, skundo laiškas.",
    "pl": "Zarządzanie zatrzymywaniem klientów, programy lojalnościowe; lojalnosc, reklamacji, zwrot pieniędzy.",
    "fi": "Asiakkaiden säilyttämisohjelmat kannustavat asiakkaita pysymään; sailyttaminen, valituskirjeeseen.",
    "it": "I programmi di fidelizzazione dei clienti; fedeltà, fedelta, disdetta, rimborsi, coupon.",
}


def test_python_and_javascript_normalise_alike(root, tmp_path):
    """The stemmers the browser runs are translated from the Python ones; run both."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is needed to run the translated stemmers")
        pytest.skip("node is not installed")
    text = {lang: " ".join(p.read_text(encoding="utf-8") for p in root.glob(f"docs/{lang}/articles/*.md")) + " " + SENTENCES[lang]
            for lang in SENTENCES}
    sample = {lang: sorted(set(words(t))) for lang, t in text.items()}
    script = tmp_path / "stem.js"
    script.write_text(
        stemmers_bundle(tuple(sample)) + """
const fold = t => t.normalize("NFD").replace(/\\p{Mn}/gu, "").replace(/ł/g, "l");
const words = t => t.normalize("NFC").toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || [];
const input = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const out = {};
for (const lang in input.words) {
  const s = new KB_STEMMERS[lang]();
  out[lang] = {keys: input.words[lang].map(w => fold(s.stemWord(w))), words: words(input.sentences[lang])};
}
process.stdout.write(JSON.stringify(out));
""", encoding="utf-8")
    data = tmp_path / "input.json"
    data.write_text(json.dumps({"words": sample, "sentences": SENTENCES}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node, str(script), str(data)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    browser = json.loads(result.stdout)
    for lang, words_ in sample.items():
        assert len(words_) > 300
        assert browser[lang]["keys"] == [key(w, lang) for w in words_]
        assert browser[lang]["words"] == words(SENTENCES[lang])

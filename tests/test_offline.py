"""`kb offline`: a zip that works from file:// in Chromium, navigation and search included."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("offline")
    archive = out / "kb.zip"
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(root), "offline", "--out", str(archive)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(out)
    return out / "retention-kb"


def test_navigation_and_search_from_the_file_system(page, offline_site):
    page.goto((offline_site / "pl" / "index.html").as_uri())
    assert page.get_attribute("html", "lang") == "pl"
    page.locator("article a[href*='playbooks/cancellation-call.html']").first.click()
    page.wait_for_url("**/pl/playbooks/cancellation-call.html")
    assert page.locator("article h1").inner_text().strip()
    page.keyboard.press("/")
    page.keyboard.type("reklamacji")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10000)
    href = first.locator("a").first.get_attribute("href")
    assert href.startswith("file://") and "/pl/" in href

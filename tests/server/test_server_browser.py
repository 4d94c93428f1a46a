"""The page in a real headless Chromium (Debian's `chromium`, driven by Playwright for Python):
on the demo store, filter by type, click a point, open its document and see the evidence
highlighted; the incident view; the hostile store shown as text. A screenshot of each view
goes to $EVENTWIRE_SCREENSHOTS (e.g. docs/) when set, else to the test's temporary folder.

Skipped, saying why, where Chromium or Playwright is missing (`make test` installs both)."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import hostile_store

CHROMIUM = next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser"))), None)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed "
                               "(pip install -r requirements.txt)")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine: `make test` installs Debian's chromium with apt-get "
                "(apt-get install chromium); without it the browser tests cannot run", allow_module_level=True)

TYPE = "Explosions/Remote violence"


@contextlib.contextmanager
def serving(db: str):
    """The app under uvicorn on a free loopback port, in a thread of this process."""
    import uvicorn

    from eventwire.server.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("EVENTWIRE_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screens")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            chrome = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        except Exception as exc:  # a chromium that cannot start here (no display libraries…)
            pytest.skip(f"{CHROMIUM} does not start under Playwright: {exc}")
        yield chrome
        chrome.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    """The bundled demo ingested as `make demo` does (spaCy, about a minute)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "eventwire.cli", "-q", "demo", "--db", str(path)], check=True,
                   cwd=root, env=env, stdout=subprocess.DEVNULL)
    return str(path)


def _page(browser, problems: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("dialog", lambda d: (problems.append(f"a dialog opened: {d.message}"), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and problems.append(m.text))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} for {r.url}"))
    return page


def _click_point(page) -> None:
    """Click points until a popup with events opens (a cluster zooms in first)."""
    for _ in range(8):
        single = page.locator("path.ew-single")
        target = single.first if single.count() else page.locator("path.ew-point").first
        target.click(force=True)
        try:
            page.wait_for_selector(".leaflet-popup .open-document", timeout=1500)
            return
        except sync_api.TimeoutError:
            page.wait_for_timeout(600)  # the map zoomed into the cluster: points are redrawn
    raise AssertionError("no click on the map opened a popup of events")


def test_filter_click_point_open_document(browser, demo_db, shots):
    problems: list[str] = []
    with serving(demo_db) as url:
        page = _page(browser, problems)
        page.goto(url + "/")
        page.wait_for_selector("path.ew-point")
        page.wait_for_selector("#timeline rect.bar")
        page.wait_for_timeout(300)
        page.screenshot(path=str(shots / "serve-overview.png"))

        total = page.locator("#pager-text").text_content()
        page.select_option("#f-type", TYPE)
        page.wait_for_function("() => location.hash.includes('type=')")
        page.wait_for_function("t => document.querySelector('#pager-text').textContent !== t", arg=total)
        page.wait_for_timeout(500)
        fills = page.eval_on_selector_all("path.ew-point", "ps => ps.map(p => p.getAttribute('fill'))")
        assert fills and set(fills) == {"#ff7f0e"}, fills  # the type's colour alone
        rows = page.locator("#list-body tr").count()
        api_total = page.evaluate("() => fetch('/api/events?type=' + encodeURIComponent("
                                  f"{TYPE!r}) + '&limit=1').then(r => r.json()).then(j => j.total)")
        assert rows == min(api_total, 100)

        _click_point(page)
        page.wait_for_timeout(800)  # the popup fades in while the map pans to it
        page.screenshot(path=str(shots / "serve-popup.png"))
        page.locator(".leaflet-popup .open-document").first.click()
        page.wait_for_selector("#document-view:not([hidden]) .hl-evidence")
        evidence = page.locator(".hl-evidence").all_text_contents()
        chosen = page.locator(".ev-card.on").get_attribute("data-id")
        event = page.evaluate(f"() => fetch('/api/events/{chosen}').then(r => r.json())")
        assert event["event_type"] == TYPE
        assert "".join(evidence) == event["evidence"]["sentence"]
        assert page.locator(".hl-evidence .hl-field, .hl-field").count() >= 1  # place, date, toll… inside
        page.wait_for_timeout(300)
        page.screenshot(path=str(shots / "serve-document.png"))
        assert not problems, problems


def test_timeline_brush_filters(browser, demo_db):
    problems: list[str] = []
    with serving(demo_db) as url:
        page = _page(browser, problems)
        page.goto(url + "/#/?bucket=auto")
        page.wait_for_selector("#timeline rect.bar")
        before = page.locator("#pager-text").text_content()
        box = page.locator("#timeline svg").bounding_box()
        y = box["y"] + 30
        page.mouse.move(box["x"] + box["width"] * 0.80, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
        page.mouse.up()
        page.wait_for_function("() => location.hash.includes('since=')")
        page.wait_for_function("t => document.querySelector('#pager-text').textContent !== t", arg=before)
        assert page.input_value("#f-since") and page.input_value("#f-until")
        assert page.locator("#timeline rect.brush").count() == 1
        assert not problems, problems


def test_incident_view(browser, demo_db, shots):
    problems: list[str] = []
    with serving(demo_db) as url:
        page = _page(browser, problems)
        page.goto(url + "/")
        rows = page.evaluate("() => fetch('/api/incidents?limit=1000').then(r => r.json()).then(j => j.items)")
        best = max(rows, key=lambda r: (r["n_sources"], r["fatalities"] or 0))
        page.goto(f"{url}/#/incident/{best['id']}")
        page.wait_for_selector("#incident-view:not([hidden]) .source-col")
        assert page.locator(".source-col").count() == best["n_sources"]
        assert page.locator(".grade").first.text_content() == best["corroboration"]
        page.screenshot(path=str(shots / "serve-incident.png"), full_page=True)
        assert not problems, problems


def test_hostile_text_stays_text(browser, tmp_path, shots):
    built = hostile_store.build(str(tmp_path / "hostile.db"))
    doc = built["documents"][0]
    problems: list[str] = []
    with serving(str(tmp_path / "hostile.db")) as url:
        page = _page(browser, problems)
        page.goto(f"{url}/#/document/{doc['id']}")
        page.wait_for_selector(".hl-evidence")
        assert page.locator("h1.doc-title").text_content() == doc["title"]  # entities not decoded either
        assert page.locator("#document-view img, #document-view svg, #document-view script").count() == 0
        assert page.locator("#document-view .unsafe-url").count() == 1  # the javascript: URL is no link
        assert page.locator("#document-view a[href^='javascript']").count() == 0
        article = page.locator("#article").text_content()
        for hostile in hostile_store.HOSTILE:
            assert hostile in article or hostile in page.locator("#document-view").text_content()
        page.goto(f"{url}/#/incident/{built['incident']['id']}")
        page.wait_for_selector(".source-col")
        page.goto(f"{url}/")
        page.wait_for_selector("#list-body tr.row")
        assert page.locator("main img, main script").count() == 0
        page.wait_for_timeout(300)
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        assert not problems, problems

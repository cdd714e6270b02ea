"""The HTML viewer in a real headless Chromium: it draws, stays offline, logs no error, and its
search, filters, tooltips and escaping work the way a person uses them.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``make test`` installs them).
Screenshots land in build/test-browser/ for a person to look at.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from kg import ROOT
from kg.render import render_html

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = ROOT / "build" / "test-browser"
DATA = Path(__file__).parent / "data"
E = "https://w3id.org/kg-news/resource/entity/"
MIN_NODES = 20  # the seed articles name far more entities than this


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("headless Chromium is missing: apt-get install -y chromium chromium-driver (`make test` does it)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tempfile.TemporaryDirectory(prefix="kg-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", f"--user-data-dir={profile.name}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        profile.cleanup()


def open_page(driver: webdriver.Chrome, path: Path) -> None:
    """Load the page fresh and wait until vis-network has drawn once; clear old logs first."""
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    try:
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.kgReady === '1'"))
    except TimeoutException:
        pytest.fail(f"the graph never drew; console: {driver.get_log('browser')}")


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """Every URL the page asked for: the CDP network log plus the resource timing entries."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return urls


def assert_offline_and_clean(driver: webdriver.Chrome) -> None:
    urls = requested_urls(driver)
    assert urls, "the CDP network log is empty: the check would prove nothing"
    external = [u for u in urls if not u.startswith(("file:", "data:", "about:", "blob:"))]
    assert external == [], external
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors


def node_pixels(driver: webdriver.Chrome) -> dict:
    """Count nodes whose centre pixel on the canvas is not the white background."""
    return driver.execute_script("""
        const net = window.kgNetwork, canvas = document.querySelector('#network canvas');
        const ctx = canvas.getContext('2d');
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        const ids = net.body.data.nodes.getIds(), pos = net.getPositions(ids);
        let painted = 0, inView = 0, ink = 0;
        for (const id of ids) {
          const p = net.canvasToDOM(pos[id]);
          const x = Math.round(p.x * ratio), y = Math.round(p.y * ratio);
          if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
          inView++;
          const px = ctx.getImageData(x, y, 1, 1).data;
          if (px[3] > 0 && (px[0] < 240 || px[1] < 240 || px[2] < 240)) painted++;
        }
        const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < all.length; i += 4) {
          if (all[i + 3] > 0 && (all[i] < 240 || all[i + 1] < 240 || all[i + 2] < 240)) ink++;
        }
        return {nodes: ids.length, inView: inView, painted: painted, ink: ink};
    """)


def dom_position(driver: webdriver.Chrome, node_id: str) -> tuple[float, float]:
    """A node's position relative to the centre of the canvas element (what Selenium offsets use)."""
    x, y = driver.execute_script("""
        const net = window.kgNetwork, canvas = document.querySelector('#network canvas');
        const p = net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);
        const r = canvas.getBoundingClientRect();
        return [p.x - r.width / 2, p.y - r.height / 2];
    """, node_id)
    return x, y


def edge_position(driver: webdriver.Chrome, source: str, relation: str, target: str) -> tuple[float, float]:
    """A point on a drawn edge where vis-network finds that edge and no node (edges cross near busy
    nodes), relative to the centre of the canvas element."""
    found = driver.execute_script("""
        const net = window.kgNetwork, canvas = document.querySelector('#network canvas');
        const id = kgEdgeId(arguments[0], arguments[1], arguments[2]);
        const r = canvas.getBoundingClientRect();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
          const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
          if (net.getEdgeAt(p) === id && net.getNodeAt(p) === undefined) {
            return [p.x - r.width / 2, p.y - r.height / 2];
          }
        }
        return null;
    """, source, relation, target)
    assert found is not None, f"no free point on the edge {source} {relation} {target}"
    return found[0], found[1]


def hover_tooltip(driver: webdriver.Chrome, dx: float, dy: float) -> str:
    """Rest the mouse at an offset from the canvas centre and return the tooltip's text."""
    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, 0, 0).perform()
    time.sleep(0.2)
    ActionChains(driver).move_to_element_with_offset(canvas, int(dx), int(dy)).perform()
    time.sleep(0.3)  # vis-network opens the tooltip on a mouse move after its delay
    ActionChains(driver).move_by_offset(1, 0).perform()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "const t = document.querySelector('div.vis-tooltip');"
        "return t !== null && t.style.visibility !== 'hidden' && t.innerText.length > 0"))
    return driver.execute_script("return document.querySelector('div.vis-tooltip').innerText")


# -- the page built from the seed articles ---------------------------------------------------


@pytest.fixture(scope="module")
def seeds_page(seeds_store: Path) -> Path:
    return render_html(seeds_store, SHOTS / "seeds-graph.html")


def test_seeds_page_draws_offline_without_errors(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    assert len(data["nodes"]) >= MIN_NODES and len(data["edges"]) >= 5
    connected = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    drawn = node_pixels(browser)
    assert drawn["nodes"] == len(connected)  # entities without relations start hidden
    assert drawn["inView"] == drawn["nodes"]  # stabilised with fit: everything on screen
    assert drawn["painted"] >= 0.9 * drawn["nodes"], drawn
    assert drawn["ink"] > 5000, drawn
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "seeds-graph.png"))
    if len(connected) < len(data["nodes"]):
        browser.find_element(By.ID, "show-isolated").click()
        browser.execute_script("kgNetwork.fit({animation: false})")
        assert browser.execute_script("return kgVisible()")["nodes"] == len(data["nodes"])
        time.sleep(0.3)
        assert node_pixels(browser)["painted"] >= 0.9 * len(data["nodes"])
    assert_offline_and_clean(browser)


def test_search_focuses_a_node_and_filters_hide_types(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("korut", Keys.ENTER)  # an Indonesian alias, any case
    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return kgNetwork.getSelectedNodes().length") == 1)
    assert browser.execute_script("return kgNetwork.getSelectedNodes()") == [E + "north_korea"]
    assert "North Korea" in browser.find_element(By.ID, "details").text
    box.clear()
    box.send_keys("no such entity", Keys.ENTER)
    assert "no entity matches" in browser.find_element(By.ID, "search-status").text

    before = browser.execute_script("return kgVisible()")
    states = browser.execute_script("return kgNetwork.body.data.nodes.get({filter: n => n.type === 'GPE'}).length")
    assert states >= 2
    browser.find_element(By.CSS_SELECTOR, 'input[data-type="GPE"]').click()
    after = browser.execute_script("return kgVisible()")
    assert after["nodes"] == before["nodes"] - states
    browser.find_element(By.CSS_SELECTOR, 'input[data-type="GPE"]').click()
    assert browser.execute_script("return kgVisible()") == before

    accusations = browser.execute_script("return kgEdges.get({filter: e => e.relation === 'accuses'}).length")
    assert accusations >= 1
    browser.find_element(By.CSS_SELECTOR, 'input[data-relation="accuses"]').click()
    assert browser.execute_script("return kgVisible()")["edges"] == before["edges"] - accusations
    # searching for an entity of a hidden type shows its type again
    browser.find_element(By.CSS_SELECTOR, 'input[data-type="GPE"]').click()
    box.clear()
    box.send_keys("Rusia", Keys.ENTER)
    assert browser.find_element(By.CSS_SELECTOR, 'input[data-type="GPE"]').is_selected()
    assert browser.execute_script("return kgNetwork.getSelectedNodes()") == [E + "russia"]
    assert_offline_and_clean(browser)


def test_hovering_shows_the_evidence(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    kirby, nk = E + "john_kirby", E + "north_korea"
    text = hover_tooltip(browser, *dom_position(browser, kirby))
    assert "John Kirby" in text and "Person" in text
    text = hover_tooltip(browser, *edge_position(browser, kirby, "accuses", nk))
    assert "John Kirby accuses North Korea" in " ".join(text.split())
    assert "article" in text and "Kirby" in text.split("accuses North Korea", 1)[1]
    browser.save_screenshot(str(SHOTS / "seeds-tooltip.png"))
    assert_offline_and_clean(browser)


# -- hostile names and sentences -------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "store"
    store = pyoxigraph.Store(str(folder))
    store.load(path=str(DATA / "mini_graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return render_html(folder, SHOTS / "hostile-graph.html")


def test_hostile_names_stay_text(browser: webdriver.Chrome, hostile_page: Path) -> None:
    open_page(browser, hostile_page)
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return kgFocus('hostile')") == E + "hostile"
    details = browser.find_element(By.ID, "details").text
    assert "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\">" in details
    hostile = E + "hostile"
    assert browser.execute_script("return kgNetwork.getSelectedNodes()") == [hostile]
    browser.execute_script("kgNetwork.setSelection({nodes: []}); kgNetwork.fit({animation: false})")
    text = hover_tooltip(browser, *edge_position(browser, hostile, "warns", E + "ukraine"))
    assert "\"</script><script>window.__pwned=3</script>\"" in text
    assert browser.execute_script("return document.querySelectorAll('div.vis-tooltip a[href^=javascript]').length") == 0
    assert browser.execute_script("return window.__pwned === undefined")
    browser.save_screenshot(str(SHOTS / "hostile-graph.png"))
    assert_offline_and_clean(browser)

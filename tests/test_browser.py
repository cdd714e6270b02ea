"""The HTML viewer in a real headless Chromium: it draws, stays offline, logs no error, and its
search, filters, tooltips and escaping work the way a person uses them.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``make test`` installs them).
Screenshots land in build/test-browser/ for a person to look at.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from chromium import headless_chromium
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from kg import ROOT
from kg.render import render_html

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

SHOTS = ROOT / "build" / "test-browser"
DATA = Path(__file__).parent / "data"
E = "https://w3id.org/kg-news/resource/entity/"
MIN_NODES = 20  # the seed articles name far more entities than this


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with headless_chromium("1400,900") as driver:
        yield driver


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
    after = browser.execute_script("""
        const ids = kgVisibleIds(), shown = new Set(ids.nodes);
        const linked = new Set(kgEdges.get(ids.edges).flatMap(e => [e.from, e.to]));
        return {nodes: ids.nodes.length, states: kgNodes.get(ids.nodes).filter(n => n.type === 'GPE').length,
                orphans: ids.nodes.filter(n => !linked.has(n)).length, dangling: [...linked].filter(n => !shown.has(n))};
    """)
    # the states go, and with them whoever only had relations with states
    assert after["states"] == 0 and after["orphans"] == 0 and after["dangling"] == []
    assert after["nodes"] < before["nodes"] - states
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


# -- exploring: orphans, neighbours, paths, dates, PNG, the article, readable labels ----------


def visible(driver: webdriver.Chrome) -> dict:
    return driver.execute_script("return kgVisibleIds()")


def test_a_relation_filter_hides_the_entities_it_leaves_alone(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    for cb in browser.find_elements(By.CSS_SELECTOR, "input[data-relation]"):
        if cb.get_attribute("data-relation") != "accuses":
            cb.click()
    accusations = [e for e in data["edges"] if e["relation"] == "accuses"]
    shown = visible(browser)
    assert sorted(shown["edges"]) == sorted(e["id"] for e in accusations)
    assert set(shown["nodes"]) == {e["from"] for e in accusations} | {e["to"] for e in accusations}
    count = int(browser.find_element(By.ID, "isolated-count").text)
    assert count == len(data["nodes"]) - len(shown["nodes"])  # the toggle says how many it would add
    browser.execute_script("kgNetwork.fit({animation: false})")
    browser.save_screenshot(str(SHOTS / "seeds-accuses-only.png"))
    browser.find_element(By.ID, "show-isolated").click()  # the toggle shows them again
    assert len(visible(browser)["nodes"]) == len(data["nodes"])
    assert_offline_and_clean(browser)


def test_double_click_collapses_and_expands_a_nodes_neighbours(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    nk = E + "north_korea"
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    before = visible(browser)
    # the neighbours that hang on North Korea alone go; those with other relations stay
    links: dict[str, set[str]] = {}
    for e in data["edges"]:
        links.setdefault(e["from"], set()).add(e["to"])
        links.setdefault(e["to"], set()).add(e["from"])
    hanging = {n for n in links[nk] if links[n] == {nk}}
    assert hanging and E + "russia" in links[nk] and links[E + "russia"] != {nk}
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    x, y = dom_position(browser, nk)
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).double_click().perform()
    WebDriverWait(browser, 5).until(lambda d: len(visible(d)["nodes"]) < len(before["nodes"]))
    after = visible(browser)
    assert set(before["nodes"]) - set(after["nodes"]) == hanging
    assert nk in after["nodes"] and E + "russia" in after["nodes"]
    assert "Expand its neighbours" in browser.find_element(By.ID, "details").text
    browser.save_screenshot(str(SHOTS / "seeds-collapsed.png"))
    browser.find_element(By.ID, "toggle-neighbours").click()  # the button in the details expands them
    assert visible(browser) == before
    assert_offline_and_clean(browser)


def test_path_from_one_entity_to_another(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    browser.find_element(By.ID, "path-from").send_keys("Kirby")
    browser.find_element(By.ID, "path-to").send_keys("Moskow", Keys.ENTER)  # names in either language
    WebDriverWait(browser, 5).until(lambda d: "Path from" in d.find_element(By.ID, "details").text)
    text = browser.find_element(By.ID, "details").text
    assert text.startswith("Path from John Kirby to Russia")
    selected = browser.execute_script("return kgNetwork.getSelectedNodes()")
    assert selected[0] == E + "john_kirby" and selected[-1] == E + "russia"
    steps = browser.execute_script("return kgNetwork.getSelectedEdges()")
    assert len(steps) == len(selected) - 1 >= 1
    assert f"{len(steps)} relation" in text
    browser.save_screenshot(str(SHOTS / "seeds-path.png"))
    # with no relation shown there is no path; the message says so
    for cb in browser.find_elements(By.CSS_SELECTOR, "input[data-relation]"):
        cb.click()
    browser.find_element(By.ID, "path-clear").click()
    assert browser.execute_script("return kgPath('John Kirby', 'Russia')") is None
    assert "no path between John Kirby and Russia" in browser.find_element(By.ID, "path-status").text
    assert_offline_and_clean(browser)


def set_input(driver: webdriver.Chrome, element_id: str, value: str) -> None:
    driver.execute_script("const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                          "i.dispatchEvent(new Event('change'));", element_id, value)


def test_the_date_range_keeps_the_relations_of_its_articles(browser: webdriver.Chrome, seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    dated = {e["id"] for e in data["edges"] if e["dates"]}
    undated_only = {e["id"] for e in data["edges"] if not e["dates"]}
    assert dated, "a seed article carries a date: the control must be there"
    lo = min(d for e in data["edges"] for d in e["dates"])
    assert browser.find_element(By.ID, "date-from").get_attribute("value") == lo
    everything = set(visible(browser)["edges"])
    browser.find_element(By.ID, "date-undated").click()  # the undated relations go
    assert set(visible(browser)["edges"]) == dated
    browser.save_screenshot(str(SHOTS / "seeds-dated-only.png"))
    set_input(browser, "date-from", "2999-01-01")  # past every date: nothing dated is left either
    assert visible(browser)["edges"] == []
    browser.find_element(By.ID, "date-undated").click()
    assert set(visible(browser)["edges"]) == {e["id"] for e in data["edges"] if e["undated"]} >= undated_only
    set_input(browser, "date-from", lo)
    assert set(visible(browser)["edges"]) == everything
    assert_offline_and_clean(browser)


def test_download_png_saves_the_picture(browser: webdriver.Chrome, seeds_page: Path,
                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    open_page(browser, seeds_page)
    folder = tmp_path_factory.mktemp("downloads")
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    browser.find_element(By.ID, "download-png").click()
    WebDriverWait(browser, 10).until(lambda d: [p for p in folder.iterdir() if p.suffix == ".png"])
    (png,) = [p for p in folder.iterdir() if p.suffix == ".png"]
    time.sleep(0.3)
    head = png.read_bytes()
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and len(head) > 5000
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    canvas = browser.execute_script("const c = document.querySelector('#network canvas'); return [c.width, c.height]")
    assert [width, height] == canvas
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "seeds-download.png").write_bytes(head)
    assert_offline_and_clean(browser)


def test_evidence_opens_its_article_in_the_page_with_the_sentence_marked(browser: webdriver.Chrome,
                                                                         seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    kirby, nk = E + "john_kirby", E + "north_korea"
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    x, y = edge_position(browser, kirby, "accuses", nk)
    ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
    WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details a.kg-article"))
    links = browser.find_elements(By.CSS_SELECTOR, "#details a")
    assert links and all(a.get_attribute("href").split("#", 1)[1].startswith("article-") for a in links)
    first = browser.execute_script("return kgEdges.get(kgEdgeId(arguments[0], 'accuses', arguments[1])).ev[0][0]",
                                   kirby, nk)
    links[0].click()
    reader = browser.find_element(By.ID, "reader")
    assert reader.is_displayed()
    marked = browser.find_element(By.CSS_SELECTOR, "#reader-body mark").text
    assert " ".join(marked.split()) == " ".join(first.split())
    body = browser.find_element(By.ID, "reader-body").text
    assert len(body) > len(marked) + 200  # the whole article, read from its file
    browser.save_screenshot(str(SHOTS / "seeds-article.png"))
    browser.find_element(By.ID, "reader-close").click()
    assert not reader.is_displayed()
    # an article without a title is named by its file once, not twice
    data = json.loads(browser.execute_script("return document.getElementById('kg-data').textContent"))
    untitled = [i for i, a in enumerate(data["articles"]) if a["title"] == a["file"]]
    for e in data["edges"]:
        row = next((r for r in e["ev"] if r[3] in untitled), None)
        if row is not None:
            browser.execute_script("kgNetwork.selectEdges([arguments[0]])", e["id"])
            x, y = edge_position(browser, e["from"], e["relation"], e["to"])
            ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()
            WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details li"))
            item = browser.find_element(By.CSS_SELECTOR, "#details li").text
            assert item.count(data["articles"][row[3]]["file"]) == 1, item
            break
    assert_offline_and_clean(browser)


def test_labels_read_at_the_first_view_and_relations_on_zoom_or_hover(browser: webdriver.Chrome,
                                                                      seeds_page: Path) -> None:
    open_page(browser, seeds_page)
    sizes = browser.execute_script("""
        const net = kgNetwork, s = net.getScale();
        return kgVisibleIds().nodes.map(id => [id, net.body.nodes[id].labelModule.fontOptions.size * s]);
    """)
    px = dict(sizes)
    assert min(px.values()) >= 11, sorted(px.items(), key=lambda kv: kv[1])[:5]  # every name readable
    assert px[E + "north_korea"] > px[E + "andrii_yusov"]  # the hubs stand out
    assert browser.execute_script("return kgEdgeLabels()") == 0  # no relation labels piled on the hubs
    kirby, nk = E + "john_kirby", E + "north_korea"
    hover_tooltip(browser, *edge_position(browser, kirby, "accuses", nk))
    assert browser.execute_script("return kgEdges.get(kgEdgeId(arguments[0], 'accuses', arguments[1])).label",
                                  kirby, nk) == "accuses"
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    for _ in range(6):
        if browser.execute_script("return kgNetwork.getScale()") >= 1.0:
            break
        ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(canvas), 0, -240).perform()
        time.sleep(0.2)
    assert browser.execute_script("return kgEdgeLabels()") == browser.execute_script("return kgVisible().edges")
    browser.save_screenshot(str(SHOTS / "seeds-zoomed.png"))
    assert_offline_and_clean(browser)


def test_an_article_without_its_file_shows_the_sentences_cited_from_it(browser: webdriver.Chrome,
                                                                        hostile_page: Path) -> None:
    """The fixture store records no source file: the article view lists the sentences the page cites
    from the article, in order, the chosen one marked, hostile text kept as text."""
    open_page(browser, hostile_page)
    row = browser.execute_script(
        "return kgEdges.get(kgEdgeId(arguments[0], 'warns', arguments[1])).ev[0]", E + "hostile", E + "ukraine")
    marked = browser.execute_script("return kgOpenArticle(arguments[0], arguments[1], arguments[2], arguments[3])",
                                    row[3], row[5], row[6], row[7])
    assert marked == row[0] and "</script><script>window.__pwned=3</script>" in marked
    paragraphs = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "#reader-body p")]
    assert paragraphs[0].startswith("The article's text was not at hand")
    assert paragraphs[1:] == ["Rusia membantah bahwa Korea Utara memasok amunisi artileri.",
                              "Rusia membantah tuduhan Kirby.", row[0]]  # sentences 0, 1, 2 of the article
    assert browser.find_element(By.CSS_SELECTOR, "#reader-body mark").text == row[0]
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('#reader-body a, #reader-body img').length") == 0
    browser.save_screenshot(str(SHOTS / "hostile-article.png"))
    assert_offline_and_clean(browser)

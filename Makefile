# Two commands on a fresh machine:
#   make demo   set everything up, then digest the bundled example story into out/
#   make test   set everything up (incl. Debian's Chromium for the browser test), then run the tests
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test setup browser bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[eval,web,dask,test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	mkdir -p out
	$(PY) -m newsprism digest examples -o out/briefing.html
	$(PY) -m newsprism digest examples -o out/briefing.json --quiet
	$(PY) -m newsprism digest examples -o out/briefing.md --quiet
	@echo "Open out/briefing.html in a browser (also out/briefing.json and out/briefing.md)."

# The browser test drives Debian's Chromium; Playwright never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: setup browser
	$(PY) -m pytest -q

docs: setup
	$(PY) docs/generate_cli.py

bench: setup
	$(PY) benchmarks/summary_quality.py

clean:
	rm -rf $(VENV) out .pytest_cache

# The Hertfordshire PCC website. `make html` builds, `make test` tests; both set up
# everything they need on first use. `make help` lists the rest.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
CONTENT := content
OUTPUT := output
PORT ?= 8000
EDITOR_PORT ?= 8081

# Stamps: the virtual environment is (re)installed when a requirements file changes.
BUILD_DEPS := $(VENV)/.build-deps
TEST_DEPS := $(VENV)/.test-deps

.DEFAULT_GOAL := help
.PHONY: help html serve devserver publish test clean browser-deps node-deps cms deploy-rsync deploy-s3 check style-report transparency-report new-release new-district-day new-decision new-faq audit bench

help:
	@echo "make html       build the site into $(OUTPUT)/ (sets up $(VENV) on first use)"
	@echo "make serve      preview the built site on http://localhost:$(PORT)"
	@echo "make devserver  rebuild on every save, reload the open page, show errors on it: http://localhost:$(PORT)"
	@echo "make cms        edit in the browser: the editor at http://localhost:$(PORT)/admin/ on your own copy"
	@echo "make publish    build the site for publishing (absolute URLs; stops on any content error)"
	@echo "make check      run every content check, leaving output/ alone (seconds)"
	@echo "make style-report  every page's reading age, hardest first, and its plain-English warnings"
	@echo "make transparency-report  every duty the law sets (Specified Information Order) and where it stands today"
	@echo "make new-release TITLE=\"...\"      start a press release in content/news/"
	@echo "make new-district-day DISTRICT=...  start a District Day report in content/district-days/"
	@echo "make new-decision TITLE=\"...\"     start a decision in content/decisions/"
	@echo "make new-faq TITLE=\"...\"          start an FAQ page in content/faq/"
	@echo "make test       run every test (installs what the tests need, Chromium included)"
	@echo "make audit      Lighthouse scores of four key pages (a report, not a test)"
	@echo "make clean      remove $(OUTPUT)/ and caches"
	@echo "make bench      time our build against plain Pelican (SIZES=\"1000 5000\"; SIZES=200 for a quick run)"

$(BUILD_DEPS): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(TEST_DEPS): $(BUILD_DEPS) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# html and publish build into a new folder and swap it in only on success (tools/build.py).
# A preview records no address: publish does, when the site with it is deployed.
html: $(BUILD_DEPS)
	$(BIN)/python tools/build.py --content $(CONTENT) --output $(OUTPUT) --settings pelicanconf.py

serve: $(BUILD_DEPS)
	$(BIN)/python tools/preview.py --serve-only --output $(OUTPUT) --port $(PORT)

devserver: $(BUILD_DEPS)
	$(BIN)/python tools/preview.py --content $(CONTENT) --output $(OUTPUT) --port $(PORT)

# The devserver plus decap-server, which saves what the editor writes into $(CONTENT)/.
cms: $(BUILD_DEPS) node-deps
	$(BIN)/python tools/cms.py --content $(CONTENT) --output $(OUTPUT) --port $(PORT) --editor-port $(EDITOR_PORT)

# The live site's published addresses first: the build keeps every one of them working;
# the new site then carries them with its own (tools/published_urls.py).
publish: $(BUILD_DEPS)
	$(BIN)/python tools/published_urls.py fetch "$$($(BIN)/python -c 'import publishconf; print(publishconf.SITEURL)')/published-urls.txt" cache/published-urls.txt
	$(BIN)/python tools/build.py --content $(CONTENT) --output $(OUTPUT) --settings publishconf.py --fatal errors
	$(BIN)/python tools/published_urls.py record $(OUTPUT) cache/published-urls.txt $(CONTENT)/data/published-urls.txt
	$(BIN)/python tools/site_digest.py write $(OUTPUT)

check: $(BUILD_DEPS)
	$(BIN)/python tools/build.py --check-only --content $(CONTENT) --settings pelicanconf.py

# Every page's reading age, hardest first, and its plain-English warnings (no build).
style-report: $(BUILD_DEPS)
	$(BIN)/python tools/style_report.py --content $(CONTENT)

# Every duty of the Specified Information Order, and whether it is met, due or overdue (no build).
transparency-report: $(BUILD_DEPS)
	$(BIN)/python tools/transparency_report.py --content $(CONTENT)

new-release: $(BUILD_DEPS)
	$(BIN)/python tools/new_content.py release --content $(CONTENT) --title "$(TITLE)"

new-district-day: $(BUILD_DEPS)
	$(BIN)/python tools/new_content.py district-day --content $(CONTENT) --district "$(DISTRICT)"

new-decision: $(BUILD_DEPS)
	$(BIN)/python tools/new_content.py decision --content $(CONTENT) --title "$(TITLE)"

new-faq: $(BUILD_DEPS)
	$(BIN)/python tools/new_content.py faq --content $(CONTENT) --title "$(TITLE)"

browser-deps:
	sh tools/install-browser-deps.sh

node-deps:
	sh tools/install-node-deps.sh

test: $(TEST_DEPS) browser-deps
	$(BIN)/python -m pytest

audit: $(TEST_DEPS) browser-deps
	$(BIN)/python tools/audit.py

# Synthetic archives in a temporary folder; see docs/PERFORMANCE.md for the last results.
SIZES ?= 1000 5000
bench: $(BUILD_DEPS)
	$(BIN)/python tools/bench/run.py --sizes $(SIZES)

clean:
	rm -rf $(OUTPUT) cache __pycache__ .pytest_cache

# Another static host instead of GitHub Pages (see README): publish, then copy.
# rsync swaps files in only at the end (--delay-updates), so readers never see a half-updated site.
deploy-rsync: publish
	@test -n "$(RSYNC_TARGET)" || { echo "Set RSYNC_TARGET, e.g. make deploy-rsync RSYNC_TARGET=deploy@host:/var/www/site/"; exit 2; }
	rsync -rlt --checksum --delay-updates --delete-after $(OUTPUT)/ $(RSYNC_TARGET)

deploy-s3: publish
	@test -n "$(S3_BUCKET)" || { echo "Set S3_BUCKET, e.g. make deploy-s3 S3_BUCKET=herts-pcc-site"; exit 2; }
	aws s3 sync $(OUTPUT)/ s3://$(S3_BUCKET)/ --exact-timestamps
	aws s3 sync $(OUTPUT)/ s3://$(S3_BUCKET)/ --delete

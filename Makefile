# hoidap — the two commands a new user needs:  make run   and   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOIDAP := $(VENV)/bin/hoidap
STAMP := $(VENV)/.installed

.PHONY: run index serve test install chromium office-tools bench bench-scale eval eval-locked clean

# Create the virtual environment. torch==2.13.0 (CPU) goes first, then everything else
# constrained to it, so pip never pulls CUDA builds.
$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP) office-tools

# Index corpus/ (incremental: a no-op when nothing changed). Exit 1 = some files failed, the rest indexed.
index: install
	$(HOIDAP) reindex || [ $$? -eq 1 ]

serve: install
	$(HOIDAP) serve

run: index serve

# Debian's Chromium for the end-to-end browser test (skipped with a reason if it cannot be installed).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"; }

# Debian's Tesseract (Vietnamese model) for scanned PDFs and images, antiword/catdoc for legacy .doc, and the
# DejaVu font the scan tests render pages with; without them those files are skipped with a message naming
# the package, and their tests skip with the reason.
office-tools:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>&1 | grep -qx vie && command -v antiword >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-vie antiword catdoc fonts-dejavu-core >/dev/null) \
	  || echo "warning: could not install tesseract-ocr/antiword; scanned files and .doc will be skipped"; }

test: install chromium
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q

eval: index
	$(HOIDAP) eval evalsets/dev.jsonl

# The locked test (evalsets/locked/README.md): corpus/ indexed into its own index, then the locked
# documents added under moi/ and indexed incrementally, as an operator adding documents would; then
# every system on the locked questions and conversations, per kind. Run folders in runs/locked/.
LOCKED_DOCS ?= ../shared/data/locked-docs
LOCKED := runs/locked
LOCKED_ENV := HOIDAP_CORPUS_DIR=$(LOCKED)/corpus HOIDAP_INDEX_DIR=$(LOCKED)/index

eval-locked: install
	@test -d "$(LOCKED_DOCS)" || { echo "error: locked documents not found in $(LOCKED_DOCS) (set LOCKED_DOCS=DIR)" >&2; exit 2; }
	mkdir -p $(LOCKED)/corpus/moi
	cp -a corpus/. $(LOCKED)/corpus/
	$(LOCKED_ENV) $(HOIDAP) reindex || [ $$? -eq 1 ]
	find "$(LOCKED_DOCS)" -maxdepth 1 -name '*.md' ! -name SOURCES.md -exec cp -p {} $(LOCKED)/corpus/moi/ \;
	$(LOCKED_ENV) $(HOIDAP) reindex || [ $$? -eq 1 ]
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions.jsonl --system all --out $(LOCKED)/questions
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations.jsonl --system all --out $(LOCKED)/conversations
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-2.jsonl --system all --out $(LOCKED)/questions-2
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-2.jsonl --system all --out $(LOCKED)/conversations-2
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-3.jsonl --system all --out $(LOCKED)/questions-3
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-3.jsonl --system all --out $(LOCKED)/conversations-3
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-4.jsonl --system all --out $(LOCKED)/questions-4
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-4.jsonl --system all --out $(LOCKED)/conversations-4
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-5.jsonl --system all --out $(LOCKED)/questions-5
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-5.jsonl --system all --out $(LOCKED)/conversations-5
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-7.jsonl --system all --out $(LOCKED)/questions-7
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-7.jsonl --system all --out $(LOCKED)/conversations-7
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-8.jsonl --system all --out $(LOCKED)/questions-8
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-8.jsonl --system all --out $(LOCKED)/conversations-8
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-9.jsonl --system all --out $(LOCKED)/questions-9
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-9.jsonl --system all --out $(LOCKED)/conversations-9
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-10.jsonl --system all --out $(LOCKED)/questions-10
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-10.jsonl --system all --out $(LOCKED)/conversations-10
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-11.jsonl --system all --out $(LOCKED)/questions-11
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-11.jsonl --system all --out $(LOCKED)/conversations-11
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-12.jsonl --system all --out $(LOCKED)/questions-12
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-12.jsonl --system all --out $(LOCKED)/conversations-12
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-13.jsonl --system all --out $(LOCKED)/questions-13
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-13.jsonl --system all --out $(LOCKED)/conversations-13
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-14.jsonl --system all --out $(LOCKED)/questions-14
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-14.jsonl --system all --out $(LOCKED)/conversations-14
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-15.jsonl --system all --out $(LOCKED)/questions-15
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-15.jsonl --system all --out $(LOCKED)/conversations-15
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-16.jsonl --system all --out $(LOCKED)/questions-16
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-16.jsonl --system all --out $(LOCKED)/conversations-16
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-17.jsonl --system all --out $(LOCKED)/questions-17
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-17.jsonl --system all --out $(LOCKED)/conversations-17
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-18.jsonl --system all --out $(LOCKED)/questions-18
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-18.jsonl --system all --out $(LOCKED)/conversations-18
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-19.jsonl --system all --out $(LOCKED)/questions-19
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-19.jsonl --system all --out $(LOCKED)/conversations-19
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-20.jsonl --system all --out $(LOCKED)/questions-20
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-20.jsonl --system all --out $(LOCKED)/conversations-20
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-21.jsonl --system all --out $(LOCKED)/questions-21
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-21.jsonl --system all --out $(LOCKED)/conversations-21
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-22.jsonl --system all --out $(LOCKED)/questions-22
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-22.jsonl --system all --out $(LOCKED)/conversations-22
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-23.jsonl --system all --out $(LOCKED)/questions-23
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-23.jsonl --system all --out $(LOCKED)/conversations-23
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-24.jsonl --system all --out $(LOCKED)/questions-24
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-24.jsonl --system all --out $(LOCKED)/conversations-24
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-25.jsonl --system all --out $(LOCKED)/questions-25
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-25.jsonl --system all --out $(LOCKED)/conversations-25
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-26.jsonl --system all --out $(LOCKED)/questions-26
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-26.jsonl --system all --out $(LOCKED)/conversations-26
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-27.jsonl --system all --out $(LOCKED)/questions-27
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-27.jsonl --system all --out $(LOCKED)/conversations-27
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-28.jsonl --system all --out $(LOCKED)/questions-28
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-28.jsonl --system all --out $(LOCKED)/conversations-28
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-29.jsonl --system all --out $(LOCKED)/questions-29
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-29.jsonl --system all --out $(LOCKED)/conversations-29
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-30.jsonl --system all --out $(LOCKED)/questions-30
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-30.jsonl --system all --out $(LOCKED)/conversations-30
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-31.jsonl --system all --out $(LOCKED)/questions-31
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-31.jsonl --system all --out $(LOCKED)/conversations-31
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-32.jsonl --system all --out $(LOCKED)/questions-32
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-32.jsonl --system all --out $(LOCKED)/conversations-32
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-33.jsonl --system all --out $(LOCKED)/questions-33
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-33.jsonl --system all --out $(LOCKED)/conversations-33
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-34.jsonl --system all --out $(LOCKED)/questions-34
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-34.jsonl --system all --out $(LOCKED)/conversations-34
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-35.jsonl --system all --out $(LOCKED)/questions-35
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-35.jsonl --system all --out $(LOCKED)/conversations-35
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-36.jsonl --system all --out $(LOCKED)/questions-36
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-36.jsonl --system all --out $(LOCKED)/conversations-36
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-37.jsonl --system all --out $(LOCKED)/questions-37
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-37.jsonl --system all --out $(LOCKED)/conversations-37
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/questions-38.jsonl --system all --out $(LOCKED)/questions-38
	$(LOCKED_ENV) $(HOIDAP) eval evalsets/locked/conversations-38.jsonl --system all --out $(LOCKED)/conversations-38

bench: install
	$(PY) bench/ingest_bench.py
	$(PY) bench/first_answer_bench.py
	$(PY) bench/ocr_bench.py
	HF_HUB_OFFLINE=1 $(PY) bench/embed_bench.py

# hoidap vs vanilla llama-index at 1k / 10k / 100k chunks (about 1 h 45 min on 2 cores).
bench-scale: install chromium
	$(PY) bench/scale_bench.py --sizes 1000,10000,100000 --out runs/scale

clean:
	rm -rf .hoidap .pytest_cache

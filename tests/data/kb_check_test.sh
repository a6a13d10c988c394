#!/usr/bin/env bash
# The knowledge base in data/actors/ is well-formed and holds its checked
# facts (scripts/kb/check_kb.py: columns, dates, codes, overlapping terms).
set -u
cd "$(dirname "$0")/../.."
if python3 scripts/kb/check_kb.py; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi

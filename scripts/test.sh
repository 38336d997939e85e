#!/usr/bin/env bash
# Runs every test: the Rust workspace, then the Python package built into a
# fresh virtual environment. Needs only the Rust toolchain and Python 3.
# Tests that read ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Rust tests"
cargo test --workspace --profile ci  # release without LTO, overflow checked (Cargo.toml): a faster build

echo "== Python tests"
VENV=target/test-venv
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "maturin>=1.5,<2" "pytest>=7" "mypy>=2.4,<3"  # mypy: stubtest checks the .pyi
# the optional [arrow] extra and dask, so that test_tables.py and test_dask.py (a real
# 2-process LocalCluster, ~45 s) run instead of skipping
"$VENV/bin/python" -m pip install -q "pyarrow>=15" "pandas>=1.5" "dask[distributed,dataframe]"
rm -rf target/wheels
"$VENV/bin/maturin" build --profile ci -m python/Cargo.toml -o target/wheels
"$VENV/bin/python" -m pip install -q target/wheels/*.whl
"$VENV/bin/python" -m pytest -q python/tests

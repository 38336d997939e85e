#!/usr/bin/env bash
# newsdesk.spark on a real Spark in local[2]: installs PySpark (PyPI) into the test venv
# that scripts/test.sh made (with the wheel in it), and a Java runtime (Debian) when there
# is no `java` on PATH, then runs python/tests/test_spark.py (1,000 FNC-1 bodies against
# single-process nlp.pipe; skips with a message when ../shared/data is absent).
# Run scripts/test.sh first. Needs root for apt-get only when Java is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/test-venv
# Spark 4 runs on Java 17 or 21; pyspark 4.3 needs Python >= 3.11. ~460 MB of jars: the
# first download took 7 min on this machine, later installs come from pip's cache.
PYSPARK="pyspark==4.3.0"

if ! "$VENV/bin/python" -c "import newsdesk, pyarrow, pandas" 2>/dev/null; then
  echo "error: $VENV has no newsdesk with pyarrow and pandas; run scripts/test.sh first (it builds the wheel into it)" >&2
  exit 1
fi

if ! command -v java >/dev/null; then
  echo "== No java on PATH: installing a Java runtime from Debian packages"
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "error: Spark needs a Java runtime (17 or 21) and there is none on PATH; installing one needs root and" \
      "apt-get (apt-get install -y --no-install-recommends openjdk-17-jre-headless), or put a JRE's bin/ on PATH" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # openjdk-17 on Debian 12; Debian 13 ships 21 as its default runtime
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless ||
    apt-get install -y -qq --no-install-recommends default-jre-headless || {
    echo "error: could not install a Java runtime with apt-get (openjdk-17-jre-headless or default-jre-headless)" >&2
    exit 1
  }
fi
java -version 2>&1 | head -1

start=$SECONDS
"$VENV/bin/python" -m pip install -q "$PYSPARK"
echo "== $PYSPARK installed in $((SECONDS - start)) s"

start=$SECONDS
"$VENV/bin/python" -m pytest -q -rs python/tests/test_spark.py
echo "== Spark tests took $((SECONDS - start)) s"

#!/usr/bin/env bash
# The Spark benchmark (docs/spark.md, "Speed"): builds klynge-spark and what it depends on, then
# runs org.klynge.spark.bench.SparkBenchmark on a local Spark session.
# Usage: examples/spark/bench-spark.sh [SCALE]   (default 0.2; 1.0 = 5.5 M patients)
set -euo pipefail
scale="${1:-0.2}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="$root/examples/spark/target/bench-classpath.txt"
mvn -B -q -pl examples/spark -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
# the flags Spark documents for Java 17, as the module's Surefire argLine has them
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' examples/spark/pom.xml)
# shellcheck disable=SC2086
exec java -Xmx8g $opens \
  -cp "examples/spark/target/test-classes:examples/spark/target/classes:$(cat "$classpath_file")" \
  org.klynge.spark.bench.SparkBenchmark "$scale"

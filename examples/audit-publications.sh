#!/usr/bin/env bash
# The disclosure audits of docs/statistics.md: writes the synthetic extract, publishes it with
# `klynge evaluate` for the public, region and cluster audiences (two viewer clinics of one
# cluster), with and without rounding, and audits what each audience can combine.
# Usage: examples/audit-publications.sh [SCALE] [OUT]   (default 0.1 and target/audit-publications)
set -uo pipefail
scale="${1:-0.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$root/target/audit-publications}"
cd "$root"
mvn -B -q package -DskipTests
mkdir -p "$out"
cp examples/target/klynge.jar "$out/klynge.jar"   # a copy: rebuilding must not touch a running job
klynge=(java -Xmx12g -jar "$out/klynge.jar")
step() { echo "== ${*:5}"; /usr/bin/time -f "%e s, %M KB peak" "$@" 2>&1 | grep -vE "^  |: read " ; }
if [ ! -d "$out/demo/extract" ]; then
  step "${klynge[@]}" demo --scale "$scale" --write-extract --out "$out/demo" --force
fi
evaluate=("${klynge[@]}" evaluate --data "$out/demo/extract" --period 2024 --granularity month --force)
for rounding in "" "--round-to 5"; do
  tag=${rounding:+-r5}
  step "${evaluate[@]}" --audience public $rounding --out "$out/public$tag.csv"
  step "${evaluate[@]}" --audience region $rounding --out "$out/region$tag.csv"
  step "${evaluate[@]}" --audience cluster --viewer-clinic c0011 $rounding --out "$out/cluster-c0011$tag.csv"
  step "${evaluate[@]}" --audience cluster --viewer-clinic c0003 $rounding --out "$out/cluster-c0003$tag.csv"
  step "${klynge[@]}" audit --threshold 5 "$out/public$tag.csv"
  step "${klynge[@]}" audit --threshold 5 "$out/public$tag.csv" "$out/region$tag.csv"
  step "${klynge[@]}" audit --threshold 5 "$out/public$tag.csv" "$out/region$tag.csv" \
    "$out/cluster-c0011$tag.csv" "$out/cluster-c0003$tag.csv"
done

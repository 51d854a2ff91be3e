#!/usr/bin/env bash
# Runs the reliability probes of gitops-tests (package io.gitops4j.reliability) at a larger scale than CI does and
# prints their table. CI runs the same suites at scale 1 inside `mvn verify`.
#
#   gitops-tests/reliability.sh             # scale 5: 15,000 fuzz cases, 60 faulty API runs, 10 kills of 500 objects,
#                                           # a 100,000-file tree
#   SCALE=20 gitops-tests/reliability.sh    # longer
#   SEED=42 gitops-tests/reliability.sh     # another fixed seed for every probe (the random seeds are printed)
#   MVN_FLAGS="-B" gitops-tests/reliability.sh   # online (default: offline and quiet)
#
# Each probe prints one line RELIABILITY|probe|cases|passed|failed|figures into its surefire output; this script
# turns them into a Markdown table. Exit code: Maven's (non-zero when a probe failed).
set -uo pipefail
cd "$(dirname "$0")/.."

scale="${SCALE:-5}"
flags=(${MVN_FLAGS:--o -q})
props=(-Dgitops4j.reliability.scale="$scale")
if [ -n "${SEED:-}" ]; then
  for probe in fuzz apifaults crash; do props+=(-Dgitops4j.$probe.seed="$SEED"); done
fi
reports=gitops-tests/target/surefire-reports
rm -f "$reports"/io.gitops4j.reliability.*-output.txt

command=(mvn "${flags[@]}" -pl gitops-tests -am test -Dtest='io.gitops4j.reliability.*Test'
  -Dsurefire.failIfNoSpecifiedTests=false "${props[@]}")
echo "running: ${command[*]}" >&2
start=$(date +%s)
"${command[@]}"
status=$?
seconds=$(( $(date +%s) - start ))

echo
echo "| probe | cases tried | passed | failed | figures |"
echo "|---|---:|---:|---:|---|"
cat "$reports"/io.gitops4j.reliability.*-output.txt 2>/dev/null | grep -h '^RELIABILITY|' \
  | awk -F'|' '{ printf "| %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6 }'
echo
echo "scale $scale, ${seconds} s, maven exit code $status; reproduce: ${command[*]}"
exit $status

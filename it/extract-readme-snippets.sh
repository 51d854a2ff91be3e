#!/usr/bin/env bash
# Copies README.md's marked snippets, verbatim, into the consumer project it/consumer, which builds them against the
# installed gitops4j artifacts. A snippet is marked by the line `<!-- consumer:FILE -->` right before its fence:
#   FILE ending in .java   is written to it/consumer/readme-snippets/FILE (a test source root of the consumer);
#   pom.xml                must appear in it/consumer/pom.xml as it is (whitespace aside), so the README's
#                          coordinates are the ones the consumer builds with.
# Fails when a marker has no fence after it, or when no Java snippet is found.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
readme="$root/README.md"
consumer="$root/it/consumer"
out="$consumer/readme-snippets"

rm -rf "$out"
mkdir -p "$out"
awk -v out="$out" '
  /^<!-- consumer:[A-Za-z0-9_.-]+ -->$/ {
    file = $0; sub(/^<!-- consumer:/, "", file); sub(/ -->$/, "", file)
    marked = NR; next
  }
  marked == NR - 1 && /^```/ { inside = 1; printf "" > (out "/" file); marked = 0; next }
  marked && marked == NR - 1 { printf "README.md:%d: the marker is not followed by a fence\n", marked > "/dev/stderr"; bad = 1 }
  inside && /^```$/ { inside = 0; close(out "/" file); next }
  inside { print >> (out "/" file) }
  END { if (inside) { print "README.md: a marked fence is not closed" > "/dev/stderr"; bad = 1 } exit bad }
' "$readme"

collapse() { tr -s ' \t\n' ' ' < "$1"; }
if [ -f "$out/pom.xml" ]; then
  if [[ "$(collapse "$consumer/pom.xml")" != *"$(collapse "$out/pom.xml")"* ]]; then
    echo "it/consumer/pom.xml does not contain README.md's pom.xml snippet as it is" >&2
    exit 1
  fi
  rm "$out/pom.xml"
fi

count=$(find "$out" -name '*.java' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "no Java snippet marked in README.md" >&2
  exit 1
fi
echo "README.md: $count Java snippets written to ${out#"$root"/}"

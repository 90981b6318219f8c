#!/usr/bin/env bash
# scripts/bench grading [count] [jobs]: generates a class and times scripts/grade-all on it.
# Submission i finishes lab k (takes solutions/<lab>/src/main) unless bit k of i is set, so every
# mix of finished and untouched labs appears; every tenth has a compile error in its first lab.
# The gradebook must match what was generated, so the benchmark checks the grades too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/labs.sh"
count="${1:-40}" jobs="${2:-$(( $(nproc) + 1 ))}"
[[ "$count" =~ ^[1-9][0-9]*$ && "$jobs" =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/bench grading [count] [jobs]"
mapfile -t labs < <(lab_names)

class="$(mktemp -d "${TMPDIR:-/tmp}/funclab-bench-class.XXXXXX")"
trap '[ "${KEEP_CLASS:-}" ] || rm -rf "$class"' EXIT
declare -A expected
for ((i = 0; i < count; i++)); do
  name="$(printf 'student%02d' "$i")"
  (cd "$KIT_ROOT" && tar --exclude='*/target' -cf - labs/lab[0-9]*) | (mkdir -p "$class/$name" && cd "$class/$name" && tar -xf -)
  scores="" total=0
  for k in "${!labs[@]}"; do
    lab="${labs[$k]}" score=0
    if (( (i >> k) % 2 == 0 )); then
      rm -rf "$class/$name/labs/$lab/src/main"
      cp -R "$KIT_ROOT/solutions/$lab/src/main" "$class/$name/labs/$lab/src/main"
      score=100
    fi
    if (( k == 0 && i % 10 == 9 )); then
      file="$(find "$class/$name/labs/$lab/src/main/java" -name '*.java' | sort | sed -n 1p)"
      echo "this line does not compile" >> "$file"
      score=0
    fi
    scores="$scores,$score" total=$((total + score))
  done
  expected[$name]="${scores#,},$total"
done

source "$KIT_ROOT/scripts/lib/grader.sh"
build_grader
echo "Grading $count generated submissions x ${#labs[@]} labs, $jobs at a time, on $(nproc) cores ..."
start=$(date +%s)
java -jar "$GRADER_JAR" --kit "$KIT_ROOT" class "$class" --jobs "$jobs" 2>&1 | tee "$class/grade-all.log" | grep --line-buffered '^\[' \
  || { tail -20 "$class/grade-all.log"; die "grading failed"; }
seconds=$(( $(date +%s) - start ))

wrong=0
for name in "${!expected[@]}"; do
  actual="$(awk -F, -v n="$name" -v last=$((${#labs[@]} + 2)) \
    '$1 == n { s = $2; for (j = 3; j <= last; j++) s = s "," $j; print s }' "$class/_grades/gradebook.csv")"
  if [ "$actual" != "${expected[$name]}" ]; then
    echo "wrong grade for $name: expected ${expected[$name]}, got ${actual:-nothing}"
    # What failed, and the grader's log lines about it, so that a wrong grade in CI can be explained.
    grep -F '| fail' "$class/_grades/$name/grades.md" 2>/dev/null | sed 's/^/  /' || true
    grep -E -A12 'FAILED|timed out|time limit' "$class/_grades/$name/grade.log" 2>/dev/null | head -60 | sed 's/^/  | /' || true
    wrong=$((wrong + 1))
  fi
done
per="$(awk -v s="$seconds" -v n="$count" 'BEGIN { printf "%.1f", s / n }')"
echo "grading: $count submissions x ${#labs[@]} labs in $seconds s ($per s per submission; $jobs jobs, $(nproc) cores); grades right: $((count - wrong))/$count"
[ "$wrong" = 0 ]

#!/usr/bin/env bash
# The action's run step (action.yml maps each input to INPUT_<NAME>): runs the suite from the action's own checkout
# against the caller's target, writes the reports into the caller's workspace, and turns the verdict into the step's
# outputs, the job summary and, unless CONFORMANT, an error annotation and a failed step.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$(cd "$here/../../.." && pwd)"
workspace="${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set: run.sh is the step of the conformance action}"
outputs="${GITHUB_OUTPUT:-/dev/null}"
step_summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
cd "$workspace"

# before anything is printed: the runner hides these values in every later line of the log
mask() {
  local line
  while IFS= read -r line; do
    if [ -n "$line" ]; then echo "::add-mask::$line"; fi
  done <<< "$1"
}
mask "${INPUT_HMAC_TOKEN:-}"
mask "${INPUT_OTHER_INBOX_HMAC_TOKEN:-}"
mask "${INPUT_HEADERS:-}"
while IFS= read -r header; do
  if [[ "$header" == *:* ]]; then mask "$(printf '%s' "${header#*:}" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')"; fi
done <<< "${INPUT_HEADERS:-}"
if [[ "${INPUT_PROXY:-}" =~ ://[^/@:]*:([^/@]*)@ ]]; then mask "${BASH_REMATCH[1]}"; fi

# the workflow-command escapes of an annotation's message
annotation() {
  local text="${1//%/%25}" cr=$'\r' lf=$'\n'
  text="${text//$cr/%0D}"
  echo "${text//$lf/%0A}"
}

stop() {
  echo "::error title=Conformance::$(annotation "$1")"
  exit 1
}

command -v python3 > /dev/null || stop "python3 is needed to read the suite's summary: install it on the runner"
artifact="${INPUT_ARTIFACT_NAME:-}"
case "$artifact" in
  "" | *[\"\:\<\>\|\*\?\\/]* | *$'\r'* | *$'\n'*)
    stop "artifact-name '$artifact' cannot name an artifact: give one without \" : < > | * ? \\ / or line breaks" ;;
esac
absolute() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$workspace/$1" ;;
  esac
}
reports="$(absolute "${INPUT_REPORTS:-conformance-reports}")"
echo "reports=$reports" >> "$outputs"
echo "artifact-name=$artifact" >> "$outputs"

# each input whose name is a setting's environment twin; only given ones, so the suite's defaults hold
for name in BASE_URL INBOX_IDENTIFIER OTHER_INBOX_IDENTIFIER HMAC_TOKEN OTHER_INBOX_HMAC_TOKEN TRIES SEED PROFILE \
    OPERATIONS CHECKS REQUIRE_ALL_CHECKS HEADERS PROXY WAIT_FOR; do
  input="INPUT_$name"
  if [ -n "${!input:-}" ]; then export "CONFORMANCE_$name=${!input}"; fi
done
if [ -n "${INPUT_WAIVERS:-}" ]; then export CONFORMANCE_WAIVERS="$(absolute "$INPUT_WAIVERS")"; fi

summary="$reports/conformance-summary.json"
certificate="$reports/certificate.md"
# what an earlier run left must never speak for this one
rm -f "$summary" "$certificate"
log="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/conformance-console.XXXXXX")"
trap 'rm -f "$log"' EXIT

build=0
mvn -B -q -f "$suite/pom.xml" verify -Pconformance "-Dconformance.reports=$reports" 2>&1 | tee "$log" || build=$?

field() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2]) or "")' "$summary" "$1" 2>/dev/null || true
}
verdict=INCONCLUSIVE
line="$(grep -E '^\[conformance\] (CONFORMANT|NON_CONFORMANT|INCONCLUSIVE)' "$log" | tail -n 1 | sed 's/^\[conformance\] //' || true)"
if [ -f "$summary" ]; then
  verdict="$(field verdict)"
  case "$verdict" in
    CONFORMANT | NON_CONFORMANT | INCONCLUSIVE) ;;
    *) verdict=INCONCLUSIVE; line="INCONCLUSIVE — $summary holds no verdict" ;;
  esac
  if [ "$verdict" = CONFORMANT ] && [ "$build" -ne 0 ]; then
    verdict=INCONCLUSIVE
    line="INCONCLUSIVE — the run was conformant but the build failed (exit $build): see the log above"
  fi
  echo "summary=$summary" >> "$outputs"
else
  line="INCONCLUSIVE — the build failed (exit $build) before the suite wrote a summary: see the log above"
fi
if [ -z "$line" ]; then
  line="$verdict — $(field reason)"
fi
echo "verdict=$verdict" >> "$outputs"

if [ -f "$certificate" ]; then
  echo "certificate=$certificate" >> "$outputs"
  # a step summary holds at most 1 MiB
  head -c 1000000 "$certificate" >> "$step_summary"
  if [ "$(wc -c < "$certificate")" -gt 1000000 ]; then
    printf '\n\n… cut at 1 MB: the whole certificate is in the artifact %s\n' "$artifact" >> "$step_summary"
  fi
else
  printf '## Conformance\n\n%s\n' "$line" >> "$step_summary"
fi

if [ "$verdict" != CONFORMANT ]; then
  stop "$line"
fi

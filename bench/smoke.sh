#!/usr/bin/env bash
# Every bench at a tiny size, so that a bench that breaks fails CI (non-zero exit) instead of
# rotting until someone needs its figures. No timing is asserted: each bench checks its own
# results (books balanced, rows imported, the day closed, a healthy server) and prints its
# same-run baseline and ratio on its last line, which must be there.
#   bash bench/smoke.sh        (npm run bench:smoke)
# PostgreSQL from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# the benches run side by side.
set -uo pipefail
cd "$(dirname "$0")/.."
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! command -v pgbench >/dev/null 2>&1; then
  PATH="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1):$PATH"
  export PATH
fi
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# run NAME COMMAND...: runs one bench with a time limit; writes NAME.status and NAME.line.
run() {
  local name="$1"
  shift
  local started=$SECONDS status=0
  timeout --kill-after=10 420 "$@" >"$logs/$name.log" 2>&1 || status=$?
  local last
  last="$(grep -v '^\s*$' "$logs/$name.log" | tail -n 1)"
  if [ "$status" -eq 0 ] && [[ "$last" != *" ratio="* ]]; then status=99; fi
  echo "$status $((SECONDS - started))" >"$logs/$name.status"
  echo "$last" >"$logs/$name.line"
}

# Two waves of five: each is mostly setup (migrations, regions, demo) that waits on a database or a
# core, and no figure of a smoke run counts; ten at once on two cores ran past the time limit.
started=$SECONDS
run close-day npm run --silent bench:close-day -- --financings 2000 &
run import npm run --silent bench:import -- --persons 2000 &
run postings npm run --silent bench:postings -- --clients 1 --seconds 2 --rounds 1 --warmup 1 --financings 20 &
run bundle npm run --silent bench:bundle -- --families 20 --requests 2 &
run health npm run --silent bench:health -- --persons 5000 --rounds 2 &
wait
run dashboards npm run --silent bench:dashboards -- --persons 5000 --rounds 2 &
run duplicates npm run --silent bench:duplicates -- --persons 5000 --rounds 1 &
run aid-cycle npm run --silent bench:aid-cycle -- --households 2000 &
run aid-payments node --import tsx bench/aid-payments.ts --households 500 &
run books-verify npm run --silent bench:books-verify -- --lines 20000 &
# Skipped with a message (still ok) when no replica answers on BENCH_REPLICA_URL / 127.0.0.1:5433.
run replica-reads npm run --silent bench:replica-reads -- --clients 1 --readers 1 --seconds 1 --rounds 1 --warmup 1 --financings 10 &
BENCH_DATABASE_URL="" run cold-start npm run --silent bench:start -- 1 &
wait

failed=0
for name in close-day import postings bundle health dashboards duplicates aid-cycle aid-payments books-verify replica-reads cold-start; do
  read -r status seconds <"$logs/$name.status"
  if [ "$status" -eq 0 ]; then
    printf 'ok    %-13s %3ss  %s\n' "$name" "$seconds" "$(cat "$logs/$name.line")"
  else
    failed=1
    reason="exit $status"
    [ "$status" -eq 99 ] && reason="no ratio= on its last line"
    [ "$status" -eq 124 ] && reason="timed out"
    printf 'FAIL  %-13s %3ss  (%s); the end of its output:\n' "$name" "$seconds" "$reason"
    tail -n 30 "$logs/$name.log" | sed 's/^/      /'
  fi
done
echo "bench smoke: $((SECONDS - started)) s"
exit "$failed"

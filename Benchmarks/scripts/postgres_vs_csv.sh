#!/usr/bin/env bash
# Times `segments` on the same synthetic customers read two ways: the CSV export streamed by the
# reader, and a PostgreSQL table aggregated on the server (segments --postgres: one GROUP BY query,
# only the cube comes back). A throwaway server is started (initdb in a scratch folder, as the
# postgres user under root), the rows loaded with COPY, and both JSON outputs compared byte for byte.
#
#   Benchmarks/scripts/postgres_vs_csv.sh [--rows N]... [--binary PATH] [--by region,language,...]
#
# The binary defaults to .build/release/campaign-planner (swift build -c release --product campaign-planner).
set -euo pipefail
rows=()
binary="$(cd "$(dirname "$0")/../.." && pwd)/.build/release/campaign-planner"
by="region,language"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows+=("$2"); shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --by) by="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
[ ${#rows[@]} -gt 0 ] || rows=(1000000)
[ -x "$binary" ] || { echo "no binary at $binary: build it (swift build -c release --product campaign-planner) or give --binary" >&2; exit 64; }
bin=$(dirname "$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb | tail -1)")

scratch=$(mktemp -d /tmp/postgres-bench-XXXXXX)
chmod 0755 "$scratch"
as_server() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi; }
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" > "$scratch/pw"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$scratch" "$scratch/pw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_server "$bin/initdb" -D "$scratch/data" -U postgres --auth=scram-sha-256 --pwfile="$scratch/pw" -E UTF8 --locale=C --no-sync >/dev/null
as_server "$bin/pg_ctl" -D "$scratch/data" -l "$scratch/server.log" -w -o "-p $port -k $scratch -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
trap 'as_server "$bin/pg_ctl" -D "$scratch/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
export PGPASSWORD="$password" PGPASSFILE=/nonexistent
url="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }

printf '%-10s %-12s %-12s %-12s %s\n' rows csv_s postgres_s copy_s same_json
for n in "${rows[@]}"; do
  csv="$scratch/customers-$n.csv"
  "$binary" synth --customers "$n" --seed 2026 > "$csv.clean" 2>/dev/null
  # About 2 % bad values a table can hold (an unknown region, a bad number, date or opt-in), each
  # counted per reason by the query as by the reader; the CSV-only faults (broken quoting, a wrong
  # field count, invalid UTF-8) cannot be loaded into a table, so neither file has them.
  python3 - "$csv.clean" "$csv" <<'PY'
import csv, sys
reader = csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))
out = csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8'), lineterminator='\n')
header = next(reader); out.writerow(header)
col = {name: i for i, name in enumerate(header)}
for n, row in enumerate(reader):
    k = n % 200
    if k == 3: row[col['state']] = 'Atlantis'
    elif k == 7: row[col['total_spend']] = '12abc'
    elif k == 11: row[col['last_order_date']] = '2026-13-45'
    elif k == 13: row[col['sms_opt_in']] = 'maybe'
    out.writerow(row)
PY
  rm -f "$csv.clean"
  table="customers_$n"
  columns=$(head -1 "$csv" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE TABLE $table ($columns)"
  t0=$(seconds)
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "\\copy $table FROM '$csv' WITH (FORMAT csv, HEADER true)"
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "VACUUM ANALYZE $table"
  t1=$(seconds)
  common=(--as-of 2026-10-01 --format json --by "$by" --max-reject-rate 100)
  t2=$(seconds)
  "$binary" segments --customers "$csv" --rejects "$scratch/rejects.csv" "${common[@]}" > "$scratch/csv.json" 2>/dev/null
  t3=$(seconds)
  "$binary" segments --postgres "$url" --table "$table" "${common[@]}" > "$scratch/pg.json" 2>/dev/null
  t4=$(seconds)
  same=$(cmp -s "$scratch/csv.json" "$scratch/pg.json" && echo yes || echo NO)
  [ "$same" = yes ] || diff "$scratch/csv.json" "$scratch/pg.json" | head -20 >&2
  python3 -c "print(f'%-10s %-12.2f %-12.2f %-12.2f %s' % ($n, $t3-$t2, $t4-$t3, $t1-$t0, '$same'))"
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP TABLE $table"
  rm -f "$csv"
done

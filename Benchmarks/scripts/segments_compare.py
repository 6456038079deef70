#!/usr/bin/env python3
"""Times `campaign-planner segments` against DuckDB and Polars on the same customer CSV.

    python3 Benchmarks/scripts/segments_compare.py FILE.csv [--runs 3] [--binary PATH]

Each engine runs in its own child process; the best wall time of --runs is kept (startup
included for all three), and one more run measures that child's peak RSS (wait4's ru_maxrss). DuckDB and Polars are installed from PyPI with pip when missing.

The query is the same aggregation the segments command computes, per (state, preferred_language)
as written in the file: customers, reachable per channel (opted in and contact present), total
spend, orders and customers active in the last 90 days, reading every field as text and parsing
it in the query, as our reader does. It is easier than ours: it groups by the raw spellings
(no region or language normalisation, no imputation, no rejects file).
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

DUCKDB = r"""
import duckdb, sys
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
yes = "('1','true','yes','y','t')"
rows = con.execute(f'''
SELECT state, preferred_language, count(*) AS customers,
  sum(CASE WHEN lower(sms_opt_in) IN {yes} AND coalesce(phone, '') <> '' THEN 1 ELSE 0 END) AS sms,
  sum(CASE WHEN lower(whatsapp_opt_in) IN {yes} AND coalesce(phone, '') <> '' THEN 1 ELSE 0 END) AS whatsapp,
  sum(CASE WHEN lower(email_opt_in) IN {yes} AND coalesce(email, '') <> '' THEN 1 ELSE 0 END) AS email,
  sum(CASE WHEN lower(push_opt_in) IN {yes} AND coalesce(push_token, '') <> '' THEN 1 ELSE 0 END) AS push,
  sum(CAST(replace(total_spend, ',', '') AS DECIMAL(18,2))) AS spend,
  sum(CAST(order_count AS BIGINT)) AS orders,
  sum(CASE WHEN CAST(last_order_date AS DATE) > DATE '2026-10-01' - INTERVAL 90 DAY THEN 1 ELSE 0 END) AS active_90d
FROM read_csv(?, header = true, all_varchar = true)
GROUP BY ALL ORDER BY ALL
''', [sys.argv[1]]).fetchall()
print(len(rows), "groups,", sum(r[2] for r in rows), "customers")
"""

POLARS = r"""
import polars as pl, sys, datetime
yes = ["1", "true", "yes", "y", "t"]
def reach(opt, contact):
    return (pl.col(opt).str.to_lowercase().is_in(yes) & (pl.col(contact).fill_null("") != "")).cast(pl.Int64).sum()
since = datetime.date(2026, 10, 1) - datetime.timedelta(days=90)
out = (
    pl.scan_csv(sys.argv[1], infer_schema=False)
    .group_by(["state", "preferred_language"])
    .agg(
        pl.len().alias("customers"),
        reach("sms_opt_in", "phone").alias("sms"),
        reach("whatsapp_opt_in", "phone").alias("whatsapp"),
        reach("email_opt_in", "email").alias("email"),
        reach("push_opt_in", "push_token").alias("push"),
        pl.col("total_spend").str.replace_all(",", "").cast(pl.Decimal(18, 2)).sum().alias("spend"),
        pl.col("order_count").cast(pl.Int64).sum().alias("orders"),
        (pl.col("last_order_date").str.to_date("%Y-%m-%d", strict=False) > since).cast(pl.Int64).sum().alias("active_90d"),
    )
    .sort(["state", "preferred_language"])
    .collect()
)
print(out.height, "groups,", out["customers"].sum(), "customers")
"""


def ensure(module):
    try:
        __import__(module)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", module])


def timed(command):
    """Runs a child; returns (wall seconds, the last line it printed)."""
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr}")
    return wall, (result.stdout.strip() or result.stderr.strip()).splitlines()[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "campaign-planner"))
    args = parser.parse_args()
    for module in ("duckdb", "polars"):
        ensure(module)
    import duckdb, polars  # noqa: E401

    size = os.path.getsize(args.file)
    engines = [
        (
            "campaign-planner segments",
            [args.binary, "segments", "--customers", args.file, "--as-of", "2026-10-01", "--format", "csv",
             "--out", "/dev/null", "--rejects", "/tmp/segments-compare.rejects.csv", "--data", ROOT],
        ),
        (f"DuckDB {duckdb.__version__}", [sys.executable, "-c", DUCKDB, args.file]),
        (f"Polars {polars.__version__}", [sys.executable, "-c", POLARS, args.file]),
    ]
    print(f"{args.file}: {size / 1e6:.0f} MB, {os.cpu_count()} cores, best of {args.runs}")
    for name, command in engines:
        best, output = None, ""
        for _ in range(args.runs):
            wall, output = timed(command)
            best = wall if best is None else min(best, wall)
        peak = child_peak(command)
        print(f"{name:28} {best:7.3f} s  {size / 1e6 / best:7.0f} MB/s  peak RSS {peak:7.1f} MB   ({output})")


def child_peak(command):
    """Peak RSS in MB of one more run of `command`, from wait4 on that child alone."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"{command[0]} failed with status {status}")
    return usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()

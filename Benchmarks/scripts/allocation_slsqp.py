#!/usr/bin/env python3
"""Run scipy's SLSQP (what PyMC-Marketing uses) on the allocation benchmark's instances.

First write the instances with the Swift benchmark:

    swift run -c release AllocationBenchmark --only budget --write-instances /tmp/alloc

then:

    python3 scripts/allocation_slsqp.py /tmp/alloc [--time-limit 60] [--max-size 1000]

Each instance is `cells_N.csv` (columns id,a,s,lo,hi); `summary.csv` holds the budget and our
objective and time for each size. SLSQP maximises sum a(1 - exp(-b/s)) subject to sum b <= B and
lo <= b <= hi, starting from the proportional split (lo plus the rest in proportion to hi - lo),
with an analytic gradient, ftol 1e-9 and maxiter 1000 like PyMC-Marketing. A callback stops it
at the time limit; the last iterate is then reported (repaired to the budget if it overspends).
"""

import argparse
import csv
import os
import sys
import time

import numpy as np
from scipy.optimize import minimize


class TimeUp(Exception):
    pass


def read_cells(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    cols = {k: np.array([float(r[k]) for r in rows]) for k in ("a", "s", "lo", "hi")}
    return cols["a"], cols["s"], cols["lo"], cols["hi"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--max-size", type=int, default=100_000)
    args = parser.parse_args()

    summary = {}
    with open(os.path.join(args.directory, "summary.csv"), newline="") as f:
        for row in csv.DictReader(f):
            summary[int(row["size"])] = row

    print(f"{'cells':>8} {'SLSQP time':>12} {'status':>22} {'SLSQP objective':>18} "
          f"{'our objective':>18} {'our time':>10} {'SLSQP shortfall':>16}")
    for size in sorted(summary):
        if size > args.max_size:
            continue
        a, s, lo, hi = read_cells(os.path.join(args.directory, f"cells_{size}.csv"))
        budget = float(summary[size]["budget"])
        ours = float(summary[size]["objective"])
        our_ms = float(summary[size]["time_ms"])

        def objective(b):
            return -np.sum(-a * np.expm1(-b / s))

        def gradient(b):
            return -(a / s) * np.exp(-b / s)

        share = min(1.0, max(0.0, budget - lo.sum()) / max((hi - lo).sum(), 1e-300))
        x0 = lo + share * (hi - lo)
        last = {"x": x0.copy()}
        start = time.perf_counter()

        def callback(x):
            last["x"] = x.copy()
            if time.perf_counter() - start > args.time_limit:
                raise TimeUp()

        status = ""
        try:
            result = minimize(
                objective, x0, jac=gradient, method="SLSQP",
                bounds=list(zip(lo, hi)),
                constraints=[{"type": "ineq", "fun": lambda b: budget - b.sum(),
                              "jac": lambda b: -np.ones_like(b)}],
                options={"ftol": 1e-9, "maxiter": 1000},
                callback=callback)
            x = result.x
            status = "ok" if result.success else f"fail: {result.message}"[:22]
        except TimeUp:
            x = last["x"]
            status = f"time limit {args.time_limit:g} s"
        elapsed = time.perf_counter() - start
        x = np.clip(x, lo, hi)
        if x.sum() > budget:  # repair an overspending iterate by scaling the room above lo
            room = x - lo
            x = lo + room * max(0.0, (budget - lo.sum()) / max(room.sum(), 1e-300))
        value = -objective(x)
        shortfall = (ours - value) / abs(ours)
        print(f"{size:>8} {elapsed:>10.3f} s {status:>22} {value:>18.6f} {ours:>18.6f} "
              f"{our_ms:>8.3f}ms {shortfall:>16.3e}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

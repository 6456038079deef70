import Foundation

/// The exact solver for a budget and per-cell bounds (no channel caps or segment limits).
///
/// KKT: there is a price λ ≥ floor with `b_i = argmax envelope_i(b) − λ b` for every cell and
/// `(λ − floor)·(B − Σ b) = 0`. Total spend `S(λ)` is non-increasing, and for saturation curves it
/// is piecewise linear in `u = log λ` (`b_i = s_i (log(a_i/s_i) − u)` on the free set), so a
/// safeguarded Newton iteration on `u` lands on the exact piece in a few steps. A closed-form
/// polish on the free set then gives λ to the last bits, and a final snap makes the compensated
/// `Σ b ≤ B` hold exactly. Cells whose chord slope ties λ (minimum viable spend, S-curves) are
/// filled in id order, so at most one is left fractional.
///
/// - Complexity: O(N) per Newton step; typically 3–6 steps.
enum BudgetSolver {
  static func solve(_ model: Model) -> Relaxation {
    let pieces = model.pieces
    let n = pieces.count
    let budget = model.budget
    let floor = model.floor
    let noMu: [Double] = Array(repeating: 0, count: model.channels.count)
    let noNu: [Double] = Array(repeating: 0, count: model.segments.count)

    // Enough budget for everything worth at least the floor?
    var b = [Double](repeating: 0, count: n)
    var atFloor = CompensatedSum()
    for i in 0..<n {
      b[i] = pieces[i].spend(at: floor)
      atFloor.add(b[i])
    }
    if atFloor.value <= budget {
      return model.relaxation(b: b, eta: 0, mu: noMu, nu: noNu, sweeps: 1)
    }

    // Bracket u = log λ: above uHigh every cell sits at its anchor, below uLow at its bound.
    var uHigh = -Double.infinity
    var uLowAll = Double.infinity
    var sumS = 0.0
    var sumSEll = 0.0
    for piece in pieces {
      uHigh = max(uHigh, piece.logSigma)
      if piece.isSaturation {
        uLowAll = min(uLowAll, piece.ell - piece.hi / piece.s)
        sumS += piece.s
        sumSEll += piece.s * piece.ell
      } else {
        let m = piece.minSlope
        uLowAll = min(uLowAll, m > 0 ? log(m) : -800)
      }
    }
    uHigh += 1e-9 * max(1, abs(uHigh))
    var uLow = floor > 0 ? log(floor) : uLowAll - 1e-9 * max(1, abs(uLowAll))

    func evaluate(_ u: Double) -> (total: Double, slope: Double) {
      var total = 0.0
      var slope = 0.0
      let p = exp(u)
      for piece in pieces {
        if piece.isSaturation {
          if piece.hasChord && u >= piece.logSigma {
            total += piece.lo
            continue
          }
          let lower = piece.hasChord ? piece.tangent : piece.lo
          let x = piece.s * (piece.ell - u)
          if x <= lower {
            total += lower
          } else if x >= piece.hi {
            total += piece.hi
          } else {
            total += x
            slope -= piece.s
          }
        } else {
          total += piece.spend(at: p)
          slope += piece.spendSlope(at: p) * p
        }
      }
      return (total, slope)
    }

    var u = sumS > 0 ? (sumSEll - budget) / sumS : 0.5 * (uLow + uHigh)
    if !(u > uLow && u < uHigh) { u = 0.5 * (uLow + uHigh) }
    let tolerance = 1e-15 * max(budget, 1e-300)
    var converged = false
    for _ in 0..<200 {
      let (total, slope) = evaluate(u)
      if abs(total - budget) <= tolerance {
        converged = true
        break
      }
      if total > budget { uLow = u } else { uHigh = u }
      var next = slope < 0 ? u + (total - budget) / -slope : .nan
      if !(next > uLow && next < uHigh) { next = 0.5 * (uLow + uHigh) }
      if next == u || uHigh - uLow <= 4 * uHigh.ulp.magnitude + 4 * uLow.ulp.magnitude {
        break
      }
      u = next
    }
    if !converged && evaluate(u).total > budget { u = uHigh }

    // Closed-form polish on the free set (saturation cells only).
    var freeS = CompensatedSum()
    var freeSEll = CompensatedSum()
    var fixed = CompensatedSum()
    var polishable = true
    let p0 = exp(u)
    for piece in pieces {
      let x = piece.spend(at: p0)
      let lower = piece.hasChord ? piece.tangent : piece.lo
      let isFree = x > lower && x < piece.hi && !(piece.hasChord && p0 >= piece.sigma)
      if isFree {
        if !piece.isSaturation { polishable = false }
        freeS.add(piece.s)
        freeSEll.add(piece.s * piece.ell)
      } else {
        fixed.add(x)
      }
    }
    if polishable && freeS.value > 0 {
      let candidate = (freeSEll.value - (budget - fixed.value)) / freeS.value
      if candidate.isFinite {
        let before = abs(evaluate(u).total - budget)
        let after = evaluate(candidate).total
        if abs(after - budget) <= before && (after <= budget + 1e-9 * max(budget, 1)) {
          u = candidate
        }
      }
    }
    let lambda = max(exp(u), floor)
    for i in 0..<n { b[i] = pieces[i].spend(at: lambda) }

    // Ties at a chord slope: fill in id order (at most one cell left fractional).
    var spent = b.compensatedSum
    if spent < budget {
      for i in 0..<n where pieces[i].hasChord && b[i] == pieces[i].lo {
        guard abs(pieces[i].logSigma - u) <= 1e-9 * max(1, abs(u)) else { continue }
        let room = pieces[i].tangent - b[i]
        let add = min(room, budget - spent)
        if add <= 0 { break }
        b[i] += add
        spent = b.compensatedSum
      }
    }
    snap(&b, to: budget, pieces: pieces)
    return model.relaxation(b: b, eta: lambda - floor, mu: noMu, nu: noNu, sweeps: 1)
  }

  /// Lowers spend by the last bits so that the compensated `Σ b ≤ budget` holds exactly.
  static func snap(_ b: inout [Double], to budget: Double, pieces: [Piece]) {
    for _ in 0..<64 {
      let total = b.compensatedSum
      guard total > budget else { return }
      let excess = total - budget
      var best = -1
      var bestRoom = 0.0
      for i in b.indices where b[i] - pieces[i].lo > bestRoom {
        best = i
        bestRoom = b[i] - pieces[i].lo
      }
      guard best >= 0 else { return }
      let lowered = max(pieces[best].lo, b[best] - excess)
      b[best] = lowered < b[best] ? lowered : max(pieces[best].lo, b[best].nextDown)
    }
  }
}

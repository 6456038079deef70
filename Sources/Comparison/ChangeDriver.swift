import Planner
import PlannerCore
import PlannerIO

/// What moved a line's budget between two plans, in the fixed order the attribution tries them:
/// from what only this line sees to what every line sees.
///
/// The rule (simple on purpose, so a reviewer can check it by hand): each changed line's whole
/// delta goes to the **first** driver in this order that applies to the line; a line to which
/// none applies was moved by the optimiser alone (``reallocation``). The plan's unspent money
/// counts as one more line, to which every changed brief field and the budget apply (no message,
/// festival or segment), so that the drivers' amounts add up exactly to the change in the plan's
/// budget.
public enum ChangeDriver: String, CaseIterable, Sendable, Comparable {
    /// The line's message changed its SMS segment count (or its cost per message changed with
    /// no change in the channel's price): the same money buys a different number of messages.
    case message
    /// The line's festival day or flight window moved.
    case festivalWindow = "festival_window"
    /// The line's segment grew or shrank (customers, or reachable on the line's channel), or
    /// is new, or left the plan.
    case segment
    /// A brief field other than the budget changed: the line's channel's rates, costs, cap, lead
    /// days or send window, or a plan-wide threshold (floor, holdout, frequency cap, segmentation).
    case assumption
    /// The brief's budget changed.
    case budget
    /// None of the above: the optimiser moved money between lines (its shadow price λ moved).
    case reallocation

    /// A heading for the bridge.
    public var title: String {
        switch self {
        case .message: "SMS segments and message costs"
        case .festivalWindow: "Festival windows that moved"
        case .segment: "Segments that grew or shrank"
        case .assumption: "Rates, costs and thresholds"
        case .budget: "Budget"
        case .reallocation: "Reallocation by the optimiser"
        }
    }

    /// Orders drivers as the attribution tries them (``allCases`` order): ``message`` first,
    /// ``reallocation`` last. The bridge lists its steps in this order.
    public static func < (a: ChangeDriver, b: ChangeDriver) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A brief field whose value differs between the base plan and another.
public struct AssumptionChange: Sendable, Equatable {
    /// The field's assumption key, as in `plan.json`: `budget`, `holdout`,
    /// `sms.cost_per_message` (channel fields start with the channel's name).
    public let key: String
    /// The base plan's value, as written in its assumptions; nil when the plan does not have the
    /// field.
    public let base: String?
    /// The other plan's value, as written in its assumptions; nil when the plan does not have the
    /// field (a channel or cap it dropped).
    public let other: String?

    /// A change of `key` from `base` to `other` (nil for a field a plan does not have).
    public init(key: String, base: String?, other: String?) {
        self.key = key
        self.base = base
        self.other = other
    }

    /// `sms.cost_per_message 0.1200 → 0.1500`.
    public var text: String { "\(key) \(base ?? "(none)") → \(other ?? "(none)")" }
}

/// A line whose budget differs between the base plan and another, and why.
public struct LineChange: Sendable, Equatable {
    /// The line's ``PlanLine/key``, or ``LineChange/unspent`` for the plan's unspent money.
    public let key: String
    /// ``ChangeStatus/added`` for a line only in the other plan, ``ChangeStatus/removed`` for one
    /// only in the base plan, otherwise ``ChangeStatus/changed`` (unchanged lines are not listed;
    /// the unspent money is always `changed`).
    public let status: ChangeStatus
    /// The line's budget in the base plan, in paise; zero when the line is added.
    public let base: Money
    /// The line's budget in the other plan, in paise; zero when the line is removed.
    public let other: Money
    /// The first driver in ``ChangeDriver`` order that applies to the line; the whole delta goes
    /// to it.
    public let driver: ChangeDriver
    /// What changed, from the plans' data: `budget 40000.00 → 44000.00`.
    public let reason: String

    /// `other − base`, in paise: positive when the other plan gives the line more money (for the
    /// unspent money, when it leaves more unspent), negative when less.
    public var delta: Money { other - base }

    /// The key of the pseudo-line holding a plan's unspent budget.
    public static let unspent = "(unspent)"
}

/// One step of the budget bridge: a driver's share of the change.
public struct BridgeStep: Sendable, Equatable {
    /// The driver whose lines this step sums; each driver has at most one step.
    public let driver: ChangeDriver
    /// What changed (the distinct reasons of the driver's lines, the first few).
    public let detail: String
    /// The sum of the driver's line deltas, in paise; negative when its lines lost money, zero
    /// when gains and losses cancel.
    public let amount: Money
    /// How many lines (the unspent money counting as one) it moved.
    public let lines: Int
}

/// The total budget bridge: the base plan's budget, each driver's contribution, the other plan's
/// budget. `start + Σ steps == end` exactly (paise).
public struct Bridge: Sendable, Equatable {
    /// The base plan's brief budget (``Plan/budget``, not its allocated total), in paise.
    public let start: Money
    /// One step per driver that moved any line or the unspent money, in ``ChangeDriver`` order;
    /// empty when no budget moved.
    public let steps: [BridgeStep]
    /// The other plan's brief budget, in paise.
    public let end: Money
}

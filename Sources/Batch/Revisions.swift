import Evaluator
import ExactDecimal
import Register
import SchemeLanguage

/// A later decision that may no longer be right, since one it counted changed: decided again,
/// amended or withdrawn. It is listed for a person to examine, never changed silently.
public struct Revision: Sendable {
    public let id: String
    /// The application whose decision changed, which it shares a limit with.
    public let cause: String
    /// What it would be now, in French; nil when its file was not given.
    public let change: String?

    /// The decisions taken after those of `causes` that share a limit with them, each evaluated
    /// again (on its own decision date, counting what was decided before it): those whose
    /// outcome or amount would change.
    static func examine(after causes: [String], applications: SchemeApplications, session: RegisterSession) throws -> [Revision] {
        var revisions: [Revision] = []
        var seen = Set(causes)
        for cause in causes {
            for id in try session.decidedAfter(scheme: applications.scheme.id, application: cause) where seen.insert(id).inserted {
                guard let recorded = try session.current(scheme: applications.scheme.id, application: id),
                      let decidedOn = recorded.stageRecord.referenceDate ?? recorded.stageRecord.act?.date else { continue }
                guard case .success(let now) = applications.evaluate(id, on: decidedOn, register: session) else {
                    revisions.append(Revision(id: id, cause: cause, change: nil))
                    continue
                }
                let amount: DecimalNumber? = now.amount?.final
                if now.outcome != recorded.outcome || amount != recorded.amount {
                    revisions.append(Revision(id: id, cause: cause, change: "décidée « \(shown(recorded.outcome, recorded.amount)) », "
                                              + "elle serait aujourd'hui « \(shown(now.outcome, amount)) »"))
                }
            }
        }
        return revisions
    }

    private static func shown(_ outcome: Outcome, _ amount: DecimalNumber?) -> String {
        outcome.rawValue + (amount.map { ", \(FrenchFormat.money($0))" } ?? "")
    }
}

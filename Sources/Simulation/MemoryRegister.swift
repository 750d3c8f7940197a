import Evaluator
import ExactDecimal
import SchemeLanguage

/// A register held in memory: for simulations, where each run needs its own register and the
/// real one must not be touched. Applications are expected in filing order.
///
/// A simulation of a million applications keeps one entry per favourable decision and limit, in
/// each of its two runs: entries are held in a compact form (`Held`, 64 bytes where a
/// `LimitEntry` takes 96) and made `LimitEntry`s again only when a limit asks for them.
public final class MemoryRegister: LimitReader {
    private var entries: [String: [Held]] = [:]

    public init() {}

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) -> [LimitEntry] {
        guard let held = entries[Self.path(scheme, limit, key)] else { return [] }
        var found: [LimitEntry] = []
        found.reserveCapacity(held.count)
        for entry in held where entry.filed < before.filed || (entry.filed == before.filed && entry.applicationID < before.id) {
            found.append(entry.entry)
        }
        return found
    }

    /// Records a favourable decision under each key it counts towards.
    public func record(_ evaluation: Evaluation) {
        guard evaluation.outcome == .favorable else { return }
        let held = Held(applicationID: evaluation.application.id, filed: evaluation.application.filed,
                        amount: evaluation.amount?.final, months: evaluation.schedule?.months.count ?? 0)
        for record in evaluation.records {
            entries[Self.path(evaluation.scheme.id, evaluation.scheme.limits[record.index].id, record.key), default: []].append(held)
        }
    }

    private static func path(_ scheme: String, _ limit: String, _ key: LimitKey) -> String {
        ([scheme, limit, key.period] + key.parts.map(\.value)).joined(separator: "\u{1F}")
    }

    /// A `LimitEntry` in 64 bytes: the amount as its significand and scale, the months narrower.
    struct Held {
        let applicationID: String
        let significand: Int128
        let filed: LocalDate
        let months: Int32
        let scale: Int16
        let hasAmount: Bool

        init(applicationID: String, filed: LocalDate, amount: DecimalNumber?, months: Int) {
            self.applicationID = applicationID
            self.filed = filed
            significand = amount?.significand ?? 0
            scale = Int16(truncatingIfNeeded: amount?.scale ?? 0)
            // A schedule counts months: a few dozen at most, far below Int32's bound.
            self.months = Int32(clamping: months)
            hasAmount = amount != nil
        }

        var entry: LimitEntry {
            LimitEntry(applicationID: applicationID, filed: filed,
                       amount: hasAmount ? DecimalNumber(significand: significand, scale: Int(scale)) : nil, months: Int(months))
        }
    }
}

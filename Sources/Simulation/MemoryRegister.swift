import Evaluator
import SchemeLanguage

/// A register held in memory: for simulations, where each run needs its own register and the
/// real one must not be touched. Applications are expected in filing order.
public final class MemoryRegister: LimitReader {
    private var entries: [String: [LimitEntry]] = [:]

    public init() {}

    public func entries(scheme: String, limit: String, key: LimitKey, before: (filed: LocalDate, id: String)) -> [LimitEntry] {
        (entries[Self.path(scheme, limit, key)] ?? []).filter { entry in
            entry.filed < before.filed || (entry.filed == before.filed && entry.applicationID < before.id)
        }
    }

    /// Records a favourable decision under each key it counts towards.
    public func record(_ evaluation: Evaluation) {
        guard evaluation.outcome == .favorable else { return }
        let entry = LimitEntry(applicationID: evaluation.application.id, filed: evaluation.application.filed,
                               amount: evaluation.amount?.final, months: evaluation.schedule?.months.count ?? 0)
        for record in evaluation.records {
            entries[Self.path(evaluation.scheme.id, evaluation.scheme.limits[record.index].id, record.key), default: []].append(entry)
        }
    }

    private static func path(_ scheme: String, _ limit: String, _ key: LimitKey) -> String {
        ([scheme, limit, key.period] + key.parts.map(\.value)).joined(separator: "\u{1F}")
    }
}

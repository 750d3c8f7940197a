import Imports
import SchemeLanguage

/// A synthetic portfolio: `SyntheticApplications` documents put in filing order, as a
/// département's year of files reaches the register, so that yearly limits bind as they would.
///
/// Documents are not kept: a first pass notes each one's filing date and the generator's state
/// before it, a second pass regenerates them in filing order. A million applications cost a
/// few tens of megabytes, not the gigabyte their text would.
public struct PortfolioGenerator {
    private let start: SyntheticApplications
    private let count: Int

    /// - Parameters:
    ///   - owners: how many owners (or persons) file the portfolio's applications; by default
    ///     half as many as applications, so that yearly caps bind now and then.
    ///   - mix: the applicants' kinds and their weights (`ApplicantMix`).
    ///   - communes: the reference of communes the communes that apply are drawn from.
    public init(scheme: Scheme, seed: UInt64, count: Int, owners: Int? = nil, mix: ApplicantMix? = nil, communes: CommuneReference? = nil) {
        start = SyntheticApplications(scheme: scheme, seed: seed, identifiers: owners ?? max(1, count / 2), mix: mix, communes: communes)
        self.count = count
    }

    /// Calls `emit` with each YAML document (starting with `---`), sorted by filing date, then
    /// by id.
    public func generate(emit: (String) -> Void) {
        var generator = start
        var entries: [(filed: Int, index: Int, state: SyntheticApplications)] = []
        entries.reserveCapacity(count)
        for index in 1...max(1, count) {
            let before = generator
            entries.append((Self.filingDate(in: generator.document(index)), index, before))
        }
        // Ties in the register's order: the id, compared as text ("X-10" before "X-9").
        entries.sort { ($0.filed, String($0.index)) < ($1.filed, String($1.index)) }
        for entry in entries {
            var replay = entry.state
            emit(replay.document(entry.index))
        }
    }

    /// The documents in memory, for small portfolios and tests.
    public func documents() -> [String] {
        var documents: [String] = []
        generate { documents.append($0) }
        return documents
    }

    /// The `filed:` value of a generated document as YYYYMMDD.
    private static func filingDate(in document: String) -> Int {
        guard let range = document.range(of: "\nfiled: ") else { return 0 }
        return Int(document[range.upperBound...].prefix(10).filter(\.isNumber)) ?? 0
    }
}

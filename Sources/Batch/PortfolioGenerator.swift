import SchemeLanguage

/// A synthetic portfolio: `SyntheticApplications` documents put in filing order, as a
/// département's year of files reaches the register, so that yearly limits bind as they would.
public struct PortfolioGenerator {
    private var applications: SyntheticApplications

    public init(scheme: Scheme, seed: UInt64) {
        applications = SyntheticApplications(scheme: scheme, seed: seed)
    }

    /// The YAML documents, each starting with `---`, sorted by filing date (then by number).
    public mutating func documents(count: Int) -> [String] {
        let drawn = (1...max(1, count)).map { applications.document($0) }
        return drawn.enumerated()
            .map { (filed: Self.filingDate(in: $0.element), index: $0.offset, text: $0.element) }
            .sorted { ($0.filed, $0.index) < ($1.filed, $1.index) }
            .map(\.text)
    }

    /// The `filed:` value of a generated document; ISO dates sort as text.
    private static func filingDate(in document: String) -> Substring {
        guard let range = document.range(of: "\nfiled: ") else { return "" }
        return document[range.upperBound...].prefix(10)
    }
}

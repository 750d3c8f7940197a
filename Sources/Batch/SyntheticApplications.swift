import ExactDecimal
import SchemeLanguage

/// Generates plausible application documents for any scheme, from the types and bounds of its
/// inputs: mostly complete, mostly eligible files, with a deterministic seed.
public struct SyntheticApplications {
    private let scheme: Scheme
    private var random: SplitMix64

    public init(scheme: Scheme, seed: UInt64) {
        self.scheme = scheme
        random = SplitMix64(seed: seed)
    }

    /// The YAML text of application number `index`, starting with `---`.
    public mutating func document(_ index: Int) -> String {
        var text = "---\nscheme: \(scheme.id)\nid: \(scheme.id.uppercased())-\(index)\n"
        text += "filed: \(date(from: 2020, to: 2020))\n"
        text += "applicant:\n  name: Commune n°\(index)\n  kind: commune\n"
        text += "facts:\n"
        for input in scheme.inputs where random.chance(97) {
            text += "  \(input.id): \(value(for: input))\n"
        }
        let pieces = scheme.pieces.filter { _ in random.chance(97) }.map(\.id)
        text += "pieces: [\(pieces.joined(separator: ", "))]\n"
        if random.chance(90) { text += "confirmed: all\n" }
        return text
    }

    private mutating func value(for input: InputDefinition) -> String {
        switch input.type {
        case .boolean: return random.chance(93) ? "true" : "false"
        case .integer:
            let low = input.minimum?.integerValue() ?? 0
            let high = input.maximum?.integerValue() ?? 10
            return String(low + random.below(high - low + 1))
        case .number: return "\(random.below(1000)).\(random.below(100))"
        case .money:
            let low = max(input.minimum?.integerValue() ?? 0, 1_000)
            let high = input.maximum?.integerValue() ?? 120_000
            return "\(low + random.below(max(1, high - low))).\(random.below(100)) €"
        case .rate: return "\(random.below(101)) %"
        case .date: return date(from: 1990, to: 2005).description
        case .text: return "Texte \(random.below(1000))"
        case .enumeration(let domain): return domain.values[random.below(domain.values.count)]
        case .set(let domain):
            let members = domain.values.filter { _ in random.chance(40) }
            return "[" + (members.isEmpty && random.chance(95) ? [domain.values[0]] : members).joined(separator: ", ") + "]"
        case .list: return "[]"
        }
    }

    private mutating func date(from first: Int, to last: Int) -> LocalDate {
        let year = first + random.below(last - first + 1)
        let month = 1 + random.below(12)
        let day = 1 + random.below(28)
        return LocalDate(year: year, month: month, day: day)!
    }
}

/// A small, fast, reproducible generator (Steele, Lea and Flood's SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }

    /// True with the given probability in percent.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }
}

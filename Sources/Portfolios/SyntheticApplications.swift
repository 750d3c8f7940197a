import ExactDecimal
import Imports
import Platform
import SchemeLanguage

/// Generates plausible application documents for any scheme, with a deterministic seed.
///
/// When the scheme has test cases, each document is one of them with its amounts varied
/// (between half and one and a half times) and a new filing date in the same year, so that
/// the mix of outcomes follows the cases the rules' authors wrote. Without test cases, facts
/// are drawn from the types and bounds of the inputs.
public struct SyntheticApplications {
    private let scheme: Scheme
    private var random: SplitMix64
    private let identifiers: Int
    private let mix: ApplicantMix?
    private let communes: CommuneReference?
    /// The SIREN inputs (`porteur.siren`: an input named `siren`, or ending in `.siren`), which
    /// take a real commune's SIREN when the applicant is a commune of `communes`.
    private let sirenInputs: Set<Int>
    /// The commune of `communes` the document being written is filed by, if any.
    private var commune: CommuneReference.Commune?

    /// - Parameter identifiers: how many variants each text of a test case takes (an owner's
    ///   SIREN, a young person's file number): fewer variants, more files per owner, and
    ///   limits across applications bind more often.
    /// - Parameter mix: the applicants' kinds and their weights; without it, every applicant
    ///   of an aid to persons is a « Demandeur », every other a commune.
    /// - Parameter communes: the rules folder's reference of communes: a commune that applies
    ///   is then one of them, by its name and its SIREN (written in the scheme's SIREN inputs),
    ///   as long as there are owners to spare (`identifiers` beyond their number are fictitious
    ///   « Commune n°… »), so that a reform can break a generated portfolio down by commune.
    public init(scheme: Scheme, seed: UInt64, identifiers: Int = 5000, mix: ApplicantMix? = nil, communes: CommuneReference? = nil) {
        self.scheme = scheme
        random = SplitMix64(seed: seed)
        self.identifiers = max(1, identifiers)
        self.mix = mix
        self.communes = communes?.communes.isEmpty == false ? communes : nil
        sirenInputs = Set(scheme.inputs.indices.filter { index in
            let id = scheme.inputs[index].id
            guard case .text = scheme.inputs[index].type else { return false }
            return id == "siren" || id.hasSuffix(".siren")
        })
    }

    /// The YAML text of application number `index`, starting with `---`.
    public mutating func document(_ index: Int) -> String {
        var text = "---\nscheme: \(scheme.id)\nid: \(scheme.id.uppercased())-\(index)\n"
        var applicant: String
        let isCommune: Bool
        if let mix {
            let category = mix.draw(&random)
            isCommune = category == .commune
            applicant = "applicant:\n  name: \(ApplicantMix.name(category, index))\n  kind: \(category.applicantKind)\n"
        } else {
            isCommune = scheme.kind != .individualAid
            applicant = isCommune ? "applicant:\n  name: Commune n°\(index)\n  kind: commune\n" : "applicant:\n  name: Demandeur n°\(index)\n"
        }
        commune = nil
        // The facts first, for they draw the owner, and with it the commune that applies.
        let body = scheme.tests.isEmpty ? drawn() : varied(scheme.tests[random.below(scheme.tests.count)].application, commune: isCommune)
        if let commune { applicant = "applicant:\n  name: Commune \(Self.de(commune.name))\n  kind: commune\n" }
        text += applicant + body
        return text
    }

    /// « de Wimereux », « d'Arras », « du Portel », « des Attaques ».
    static func de(_ name: String) -> String {
        if name.hasPrefix("Le ") { return "du " + name.dropFirst(3) }
        if name.hasPrefix("Les ") { return "des " + name.dropFirst(4) }
        if let first = name.first, "AEIOUYÉÈÊÂÎÔ".contains(first) { return "d'" + name }
        return "de " + name
    }

    /// The commune of the reference that owner number `owner` is, when there is one: owners
    /// beyond the communes' number are fictitious. Owners go through the communes by a fixed
    /// stride, prime with their number, so that a few owners are spread over the département.
    private func referenceCommune(owner: Int) -> CommuneReference.Commune? {
        guard let communes = communes?.communes, owner < communes.count else { return nil }
        var stride = 347
        while Self.gcd(stride, communes.count) != 1 { stride += 1 }
        return communes[(owner * stride) % communes.count]
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    // MARK: From the scheme's test cases

    /// `commune`: whether the applicant is a commune, whose SIREN inputs then name one of the
    /// reference's communes (`self.commune`) when the owner drawn is one of them.
    private mutating func varied(_ template: Application, commune isCommune: Bool) -> String {
        let filed = filingDate(like: template.filed)
        var text = "filed: \(filed)\nfacts:\n"
        // The facts a financing plan gives are not written: a synthetic application carries no
        // plan, whose figures would not follow the varied facts.
        for (index, fact) in template.facts.enumerated() where scheme.inputs[index].planFigure == nil {
            guard let fact else { continue }
            var value: Value
            if isCommune, sirenInputs.contains(index), case .text(let written) = fact {
                // The same draw as `vary`'s, so that the owners are those of a portfolio without the reference.
                let owner = random.below(identifiers)
                if let found = commune ?? referenceCommune(owner: owner) {
                    commune = found
                    value = .text(found.siren)
                } else {
                    value = .text("\(written)-\(owner)")
                }
            } else {
                value = vary(fact)
            }
            text += "  \(scheme.inputs[index].id): \(ApplicationFile.written(value))\n"
        }
        text += "pieces: [\(template.pieces.indices.map { scheme.pieces[$0].id }.joined(separator: ", "))]\n"
        let confirmable = IndexFlags(scheme.inputs.indices.filter { scheme.inputs[$0].confirm })
        if template.confirmed == confirmable {
            text += "confirmed: all\n"
        } else if !template.confirmed.isEmpty {
            text += "confirmed: [\(template.confirmed.indices.map { scheme.inputs[$0].id }.joined(separator: ", "))]\n"
        }
        if !template.outcomes.isEmpty {
            // Decisions under the schemes this one depends on, as the test case states them.
            text += "outcomes:\n"
            for (id, outcome) in template.outcomes.sorted(by: { $0.key < $1.key }) { text += "  \(id): \(outcome.rawValue)\n" }
        }
        if !template.findings.isEmpty {
            text += "findings:\n"
            for (id, finding) in template.findings.sorted(by: { $0.key < $1.key }) {
                text += "  \(id): {satisfied: \(finding.satisfied)}\n"
            }
        }
        return text
    }

    /// A new filing date in the template's year. For a scheme with a period of application, a
    /// case filed within it gets a day within it (else most PDESI cases, voted in October, would
    /// be refused on that ground alone), and a case filed outside keeps its date: it shows that
    /// refusal, and the mix of outcomes stays the authors'.
    private mutating func filingDate(like filed: LocalDate) -> LocalDate {
        guard let window = scheme.inForce else {
            return LocalDate(year: filed.year, month: 1 + random.below(12), day: 1 + random.below(28))!
        }
        guard window.contains(filed) else { return filed }
        let january = LocalDate(year: filed.year, month: 1, day: 1)!
        let december = LocalDate(year: filed.year, month: 12, day: 31)!
        let first = max(january, window.from ?? january).daysSinceEpoch
        let last = min(december, window.until ?? december).daysSinceEpoch
        return LocalDate(daysSinceEpoch: first + random.below(last - first + 1)) ?? filed
    }

    /// Amounts other than zero move by a factor between 0.5 and 1.5, to the cent; identifiers
    /// (texts) take one of `identifiers` variants, so that limits across applications meet as
    /// in a département's year of files.
    private mutating func vary(_ value: Value) -> Value {
        if case .text(let text) = value { return .text("\(text)-\(random.below(identifiers))") }
        guard case .money(let amount) = value, !amount.isZero else { return value }
        let factor = DecimalNumber(significand: Int128(50 + random.below(101)), scale: 2)
        // An amount too large to vary is kept as written: it is a variation, not a computation.
        guard let scaled = try? amount.multiplied(by: factor) else { return value }
        return .money(scaled.rounded(scale: 2, rule: .halfUp))
    }

    // MARK: From the types of the inputs

    private mutating func drawn() -> String {
        var text = "filed: \(date(from: 2020, to: 2020))\nfacts:\n"
        for input in scheme.inputs where input.planFigure == nil && random.chance(97) {
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
        return LocalDate(year: year, month: 1 + random.below(12), day: 1 + random.below(28))!
    }
}

import ExactDecimal
import SchemeLanguage

/// The subsidies awarded to legal persons, in the SCDL « subventions » schema (version 2.1.1,
/// schema.data.gouv.fr), the national format of the données essentielles des conventions de
/// subvention (décret n° 2017-779 du 5 mai 2017). Natural persons never appear: the register
/// keeps no name for them.
///
/// The rules of each field are the schema's (see Docs/LEGAL-REFERENCES.md): a row that would
/// break one is not written, and the problem is told, never a value made up.
public struct ScdlSubsidies {
    /// What the register does not know and the authority states for the export.
    public struct Publication: Sendable {
        /// `nomAttribuant` for each scheme id (the scheme's authority).
        public let authorityNames: [String: String]
        /// `idAttribuant`: the authority's SIRET, 14 digits.
        public let authoritySIRET: String
        /// `conditionsVersement`: « unique », « échelonné » or a description.
        public let paymentTerms: String
        /// `datesPeriodeVersement`: `AAAA-MM-JJ` or `AAAA-MM-JJ/AAAA-MM-JJ`.
        public let paymentPeriod: String
        /// `notificationUE`.
        public let notifiedToEU: Bool
        /// Only subsidies above this amount, when given (the 23 000 € of the convention rule).
        public let above: DecimalNumber?
        /// The schemes whose decisions are no subsidies: an allocation (`kind: allocation`) is
        /// what the authority owes its establishments, not an aid it chose to grant.
        public let notSubsidies: Set<String>

        public init(authorityNames: [String: String], authoritySIRET: String, paymentTerms: String, paymentPeriod: String,
                    notifiedToEU: Bool, above: DecimalNumber?, notSubsidies: Set<String> = []) {
            self.authorityNames = authorityNames
            self.authoritySIRET = authoritySIRET
            self.paymentTerms = paymentTerms
            self.paymentPeriod = paymentPeriod
            self.notifiedToEU = notifiedToEU
            self.above = above
            self.notSubsidies = notSubsidies
        }
    }

    public static let header = ["nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire",
                                "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
                                "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide"]

    /// The problems with what the authority states, before any row: each one stops the export.
    public static func problems(in publication: Publication) -> [String] {
        var problems: [String] = []
        if !(publication.authoritySIRET.count == 14 && publication.authoritySIRET.allSatisfy { $0.isASCII && $0.isNumber }) {
            problems.append("idAttribuant : le SIRET de l'autorité s'écrit avec 14 chiffres, trouvé « \(publication.authoritySIRET) »")
        }
        if publication.paymentTerms.isEmpty || publication.paymentTerms.count >= 256 {
            problems.append("conditionsVersement : « unique », « échelonné » ou une description de moins de 256 caractères")
        }
        if !validPeriod(publication.paymentPeriod) {
            problems.append("datesPeriodeVersement : une date AAAA-MM-JJ ou une période AAAA-MM-JJ/AAAA-MM-JJ, trouvé « \(publication.paymentPeriod) »")
        }
        return problems
    }

    /// The CSV (UTF-8, comma, decimal point) and, for each subsidy left out, why.
    public static func render(_ entries: [RegisterEntry], publication: Publication) -> (csv: String, skipped: [String]) {
        var lines = [header.joined(separator: ",")]
        var skipped: [String] = []
        for entry in entries where entry.current && entry.outcome == .favorable && entry.stage.isDecided
            && !publication.notSubsidies.contains(entry.scheme) {
            guard let name = entry.beneficiaryName else { continue }
            guard let amount = entry.amount, publication.above.map({ amount > $0 }) ?? true else { continue }
            switch row(entry, name: name, amount: amount, publication: publication) {
            case .success(let fields): lines.append(fields.map(CSV.field).joined(separator: ","))
            case .failure(let problem): skipped.append("\(entry.application) (\(entry.scheme)) : \(problem.text)")
            }
        }
        return (lines.joined(separator: "\r\n") + "\r\n", skipped)
    }

    private struct Problem: Error { let text: String }

    private static func row(_ entry: RegisterEntry, name: String, amount: DecimalNumber, publication: Publication) -> Result<[String], Problem> {
        guard let act = entry.stageRecord.act else { return .failure(Problem(text: "la décision n'a ni numéro ni date")) }
        guard let authority = publication.authorityNames[entry.scheme] else {
            return .failure(Problem(text: "le dispositif n'est pas dans le dossier des règles donné"))
        }
        guard let siret = entry.beneficiaryID else {
            return .failure(Problem(text: "le SIRET du bénéficiaire manque (applicant.siret dans le dossier) : idBeneficiaire ou rnaBeneficiaire est exigé"))
        }
        guard let subject = entry.subject, !subject.isEmpty, subject.count < 256 else {
            return .failure(Problem(text: "l'objet de la demande (subject) manque ou dépasse 255 caractères"))
        }
        return .success([authority, publication.authoritySIRET, act.date.description, act.reference, name, siret, "", subject,
                         FrenchFormat.moneyCanonical(amount), "aide en numéraire", publication.paymentTerms, publication.paymentPeriod,
                         "", publication.notifiedToEU ? "oui" : "non", "1.00", ""])
    }

    /// The schema's pattern `^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$`, with real dates in order.
    static func validPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        let dates = parts.compactMap { LocalDate(iso: $0) }
        return dates.count == parts.count && (dates.count == 1 || dates[0] <= dates[1])
    }
}

import ExactDecimal
import RuleSet
import SchemeLanguage

/// Two reforms trialled on the same portfolio, side by side: for each scheme, today's figures,
/// reform A's and reform B's, and the three differences (A − today, B − today, B − A). Built from
/// the two simulations' `ReformImpact`s, each one today against one reform, so it shows nothing
/// they do not: totals per scheme only, no application and no person. The Markdown report and
/// the HTML page (`ComparisonReport`, `ComparisonPage`) only lay this out.
public struct ReformComparison: Sendable {
    /// One reform of the two.
    public struct Entry: Sendable {
        /// « Réforme A » or « Réforme B ».
        public let label: String
        public let name: String
        public let rationale: String
        public let file: String

        /// "Réforme A : P.D.E.S.I. — taux de 60 % … — Porter de 50 % à 60 % …".
        public var line: String { "\(label) : « \(name) ». \(rationale)" }
    }

    /// One figure of a scheme in the three cases, and its three differences, as shown.
    public struct Line: Sendable {
        public let label: String
        /// Today's, reform A's and reform B's figure.
        public let values: [String]
        /// A − today, B − today and B − A.
        public let changes: [String]
        /// The three levels and the three differences as bar lengths: only the drawing is approximate.
        let levels: [Double]
        let differences: [Double]

        public var cells: [String] { [label] + values + changes }

        static func count(_ label: String, _ today: Int, _ a: Int, _ b: Int) -> Line {
            Line(label: label, values: [today, a, b].map { FrenchFormat.count($0) },
                 changes: [a - today, b - today, b - a].map(FrenchFormat.signedCount),
                 levels: [today, a, b].map(Double.init), differences: [a - today, b - today, b - a].map(Double.init))
        }

        static func money(_ label: String, _ today: DecimalNumber, _ a: DecimalNumber, _ b: DecimalNumber) -> Line {
            let differences = [(a, today), (b, today), (b, a)].map { try? $0.0.subtracting($0.1) }
            return Line(label: label, values: [today, a, b].map(FrenchFormat.money),
                        changes: differences.map { $0.map(FrenchFormat.signedMoney) ?? "—" },
                        levels: [today, a, b].map(length), differences: differences.map { $0.map(length) ?? 0 })
        }

        /// An amount as a bar's length, never as a figure shown.
        private static func length(_ value: DecimalNumber) -> Double {
            Double(value.rounded(scale: 2, rule: .halfUp).description) ?? 0
        }
    }

    /// One scheme that at least one of the reforms changes.
    public struct Scheme: Sendable {
        public let id: String
        public let title: String
        /// The amounts granted, then the applications aided, then each outcome, then, for a
        /// call selected in every run, its selection.
        public let lines: [Line]
        /// Why a call's selection is missing from the lines, in French sentences.
        public let notes: [String]
    }

    public static let headlineTitle = ReformImpact.headlineTitle
    public static let reformsTitle = "Les deux réformes"
    public static let parametersTitle = "Paramètres des deux réformes"
    public static let parametersHeader = ["Dispositif", "Paramètre", "Aujourd'hui", "Réforme A", "Réforme B"]
    public static let schemeHeader = ["", "Aujourd'hui", "Réforme A", "Réforme B", "A − aujourd'hui", "B − aujourd'hui", "B − A"]
    public static let unchangedTitle = "Dispositifs qu'aucune des deux réformes ne modifie"
    public static let methodTitle = ReformImpact.methodTitle
    public static let amountsLabel = "Montants accordés"
    public static let aidedLabel = "Demandes aidées"
    /// In a reform's column, a parameter it leaves as it is.
    public static let unchanged = "inchangé"

    public let title: String
    public let reforms: [Entry]
    /// Each parameter either reform changes: scheme, parameter, today, reform A, reform B.
    public let parameters: [[String]]
    public let portfolio: String
    public let schemes: [Scheme]
    /// The schemes neither reform changes, one line each.
    public let unchangedSchemes: [String]
    public let headline: [String]
    public let method: String

    /// `a` and `b` are the two simulations of the same portfolio, each against today's rules.
    public init(_ a: SimulationSummary, _ b: SimulationSummary, catalog: SchemeCatalog) {
        self.init(ReformImpact(a, catalog: catalog), ReformImpact(b, catalog: catalog), a: a, b: b)
    }

    init(_ a: ReformImpact, _ b: ReformImpact, a summaryA: SimulationSummary, b summaryB: SimulationSummary) {
        reforms = [Entry(label: "Réforme A", name: summaryA.reform.name, rationale: a.rationale, file: summaryA.reform.file),
                   Entry(label: "Réforme B", name: summaryB.reform.name, rationale: b.rationale, file: summaryB.reform.file)]
        title = "Comparaison : \(summaryA.reform.name) / \(summaryB.reform.name)"
        parameters = Self.parameters(a.overrides, b.overrides)
        portfolio = "Portefeuille : \(FrenchFormat.count(summaryA.applications, "demande")) "
            + "\(FrenchFormat.agreed(summaryA.applications, "évaluée")) selon les règles actuelles, selon la réforme A et selon la réforme B."
        let schemesB = Dictionary(b.schemes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = a.schemes.compactMap { scheme in schemesB[scheme.id].map { (scheme, $0) } }
        let touched = { (pair: (SchemeImpact, SchemeImpact)) in
            a.overridden.contains(pair.0.id) || b.overridden.contains(pair.0.id) || pair.0.changed || pair.1.changed
        }
        schemes = pairs.filter(touched).map(Self.scheme)
        unchangedSchemes = pairs.filter { !touched($0) }.map { pair in
            "\(pair.0.title) : \(FrenchFormat.count(pair.0.outcomes.reduce(0) { $0 + $1.before }, "demande")), "
                + "ni la réforme A ni la réforme B ne modifient d'issue ou de montant (\(pair.0.total.beforeText) accordés dans les trois cas)."
        }
        headline = Self.headline(pairs.map { ($0.0, $0.1) })
        method = "Chaque réforme est simulée à part, selon la méthode de son propre rapport (dossiers reforme-a et reforme-b) : "
            + "chaque demande est évaluée selon les règles en vigueur et selon la réforme, chaque évaluation tenant son propre registre. "
            + "Les colonnes « A − aujourd'hui » et « B − aujourd'hui » sont les écarts de chaque réforme aux règles en vigueur ; « B − A » "
            + "est ce que la réforme B accorde de plus (ou de moins) que la réforme A. La comparaison ne donne que des totaux par "
            + "dispositif : aucune demande n'y est désignée et aucune personne n'y est nommée. Le rapport de chaque réforme suit les "
            + "mêmes règles. " + ReformImpact.privacy
            + " Réforme A : \(summaryA.reform.file) ; réforme B : \(summaryB.reform.file)."
    }

    /// The parameters side by side, A's first, then those only B changes.
    private static func parameters(_ a: [ReformImpact.Override], _ b: [ReformImpact.Override]) -> [[String]] {
        var rows: [[String]] = []
        var seen: Set<[String]> = []
        for override in a + b where seen.insert([override.scheme, override.parameter]).inserted {
            let inA = a.first { $0.scheme == override.scheme && $0.parameter == override.parameter }
            let inB = b.first { $0.scheme == override.scheme && $0.parameter == override.parameter }
            rows.append([override.scheme, override.parameter, override.today,
                         inA?.reformed ?? unchanged, inB?.reformed ?? unchanged])
        }
        return rows
    }

    /// Today's figures are those of A's simulation; B's, run on the same portfolio, are the same.
    private static func scheme(_ pair: (SchemeImpact, SchemeImpact)) -> Scheme {
        let (a, b) = pair
        var lines = [Line.money(amountsLabel, a.total.before, a.total.after, b.total.after),
                     Line.count(aidedLabel, a.aided.before, a.aided.after, b.aided.after)]
        for (rowA, rowB) in zip(a.outcomes, b.outcomes) where rowA.before + rowA.after + rowB.after > 0 {
            lines.append(.count("Issue « \(rowA.outcome.rawValue) »", rowA.before, rowA.after, rowB.after))
        }
        var notes: [String] = []
        if let callA = a.call, let callB = b.call {
            if callA.selected && callB.selected {
                lines += [
                    .count("Lauréats (projets retenus)", callA.before.retained, callA.after.retained, callB.after.retained),
                    .count("Liste d'attente", callA.before.waiting, callA.after.waiting, callB.after.waiting),
                    .money("Enveloppe utilisée (aides accordées)", callA.before.used, callA.after.used, callB.after.used),
                ]
                if let today = callA.envelopeBefore, let withA = callA.envelopeAfter, let withB = callB.envelopeAfter {
                    lines.append(.money("Enveloppe", today, withA, withB))
                }
            } else {
                notes.append("La sélection de l'appel n'a pu être faite dans toutes les simulations (voir le rapport de chaque "
                             + "réforme) : les lauréats et l'enveloppe utilisée ne sont pas comparés.")
            }
            lines.append(.money(SchemeImpact.Call.neededLabel, callA.before.needed, callA.after.needed, callB.after.needed))
        }
        return Scheme(id: a.id, title: a.title, lines: lines, notes: notes)
    }
}

extension SchemeImpact {
    /// The applications aided today and with the reform: a favourable decision, and for a call
    /// selected in that run, a retained project.
    var aided: (before: Int, after: Int) {
        let favorable = outcomes.first { $0.outcome == .favorable }
        let before = call.flatMap { $0.before.unselected == nil ? $0.before.retained : nil } ?? favorable?.before ?? 0
        let after = call.flatMap { $0.after.unselected == nil ? $0.after.retained : nil } ?? favorable?.after ?? 0
        return (before, after)
    }
}

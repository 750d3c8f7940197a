import Evaluator
import ExactDecimal
import Imports
import SchemeLanguage

/// What a reform's breakdowns read from each application of one scheme: the value of its
/// breakdown input (`breakdown: {pdesi: esi.categorie}`), and the commune of the reference file
/// whose SIREN its SIREN input gives (`commune: porteur.siren`), kept as a small index.
struct BreakdownReader: Sendable {
    /// The breakdown input's index in the scheme, when the reform names one.
    let input: Int?
    /// The SIREN input's index in the scheme, when the reform names one and the reference is loaded.
    let siren: Int?
    let communes: CommuneReference?

    /// The index `commune(of:)` gives an application whose SIREN is in no row of the file.
    static let unattached = UInt16.max

    /// The readers of every scheme the reform breaks down.
    static func readers(_ reform: Reform, catalog: [String: Scheme], communes: CommuneReference?) -> [String: BreakdownReader] {
        var readers: [String: BreakdownReader] = [:]
        for id in Set(reform.breakdown.keys).union(reform.communes.keys) {
            guard let scheme = catalog[id] else { continue }
            let siren = communes == nil ? nil : reform.communes[id].flatMap(scheme.inputIndex)
            readers[id] = BreakdownReader(input: reform.breakdown[id].flatMap(scheme.inputIndex), siren: siren, communes: siren == nil ? nil : communes)
        }
        return readers
    }

    /// The breakdown input's value, canonical, or « non renseigné »; nil without a breakdown input.
    func group(of application: Application) -> String? {
        input.map { application.facts[$0].map(FrenchFormat.canonical) ?? "non renseigné" }
    }

    /// The commune's row in the reference, or `unattached`; nil when the scheme is not joined.
    func commune(of application: Application) -> UInt16? {
        guard let siren, let communes else { return nil }
        guard case .text(let text)? = application.facts[siren], let index = communes.index(ofSiren: text) else { return Self.unattached }
        return UInt16(index)
    }
}

extension SimulationSummary {
    /// The applications of one group of a breakdown: how many, and their amounts in each run.
    public struct GroupTotals: Sendable {
        public var before = DecimalNumber.zero
        public var after = DecimalNumber.zero
        public var difference = DecimalNumber.zero
        public var count = 0

        mutating func add(_ change: Change) throws(DecimalError) {
            before = try before.adding(change.before)
            after = try after.adding(change.after)
            difference = try difference.adding(change.difference)
            count += 1
        }
    }

    /// The label of the group of the applications whose maître d'ouvrage is no commune of the reference.
    public static let unattachedLabel = "Non rattachées au référentiel"

    /// Adds a change to the commune breakdowns of `totals`: by population band and by arrondissement.
    func addCommune(_ commune: UInt16, _ change: Change, to totals: inout SchemeTotals) throws(DecimalError) {
        guard let communes else { return }
        if commune == BreakdownReader.unattached || Int(commune) >= communes.communes.count {
            try totals.byBand[Self.unattachedLabel, default: GroupTotals()].add(change)
            try totals.byTerritory[Self.unattachedLabel, default: GroupTotals()].add(change)
            return
        }
        let row = communes.communes[Int(commune)]
        try totals.byBand[CommuneReference.bands[Int(row.band)], default: GroupTotals()].add(change)
        try totals.byTerritory[communes.arrondissements[Int(row.territory)], default: GroupTotals()].add(change)
    }
}

extension SchemeImpact {
    public static let communesTitle = "Montants accordés selon la commune du maître d'ouvrage"
    public static let populationTitle = "Selon la population de la commune"
    public static let territoryTitle = "Selon l'arrondissement de la commune"
    public static let populationHeader = ["Population de la commune", "Aujourd'hui", "Avec la réforme", "Écart"]
    public static let territoryHeader = ["Arrondissement", "Aujourd'hui", "Avec la réforme", "Écart"]

    /// What the commune breakdowns join and what they leave out, in French; nil when they are not shown.
    public var communesIntroduction: String? {
        guard let communeInput else { return nil }
        let unattachedText = unattached == 0 ? "Toutes les demandes sont rattachées à une commune du référentiel."
            : "\(FrenchFormat.count(unattached, "demande")) \(FrenchFormat.agreed(unattached, "n'est pas rattachée", "ne sont pas rattachées")) "
                + "au référentiel (« \(SimulationSummary.unattachedLabel) ») : leur maître d'ouvrage n'est pas une commune du "
                + "référentiel, ou son SIREN n'y figure pas. Les EPCI, syndicats et associations ne sont pas des communes : "
                + "leurs demandes sont toujours de ce nombre."
        return "Chaque demande est rattachée à une commune par le numéro SIREN du maître d'ouvrage (donnée « \(communeInput) »), "
            + "d'après le référentiel des communes du Pas-de-Calais (populations légales et arrondissements de l'INSEE, "
            + "SIREN de BANATIC ; voir Rules/references/README.md). " + unattachedText
            + " Les tranches de population sont celles des tableaux de l'INSEE par taille de commune."
    }

    /// The rows of a commune breakdown: « label (N demandes) » and the amounts.
    static func rows(_ groups: [Group]) -> [[String]] {
        groups.map { ["\($0.label) (\($0.applications))"] + $0.amounts.cells }
    }
}

extension SchemeImpact {
    /// In place of a breakdown whose groups would single someone out.
    public static let hiddenBreakdown = "Ventilation non montrée : trop peu de demandes par groupe "
        + "(moins de \(smallestGroup)), même en regroupant les plus petits."
}

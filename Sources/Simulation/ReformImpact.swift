import ExactDecimal
import RuleSet
import SchemeLanguage

/// What a reform does to a portfolio, as the reports show it: every figure, label and row,
/// computed once from a simulation's summary. Amounts stay exact; the only rounding is that of
/// the percentages, to one decimal, half up, said where it is done. The Markdown report and
/// the HTML page only lay this out, so the two can never disagree.
public struct ReformImpact: Sendable {
    /// Inline text: the Markdown report marks it up, the page shows it plain.
    public enum Span: Sendable, Equatable {
        case text(String)
        case strong(String)
        case code(String)
    }

    /// One parameter the reform changes.
    public struct Override: Sendable {
        public let scheme: String
        public let parameter: String
        /// Today's values, each with the date it applies from.
        public let today: String
        public let reformed: String

        public var cells: [String] { [scheme, parameter, today, reformed] }
    }

    public let title: String
    public let rationale: String
    public let overrides: [Override]
    /// What was simulated, and what the reader must know before reading the figures.
    public let portfolio: [Span]
    /// Each scheme of the portfolio, by id.
    public let schemes: [SchemeImpact]
    /// How to read the figures, for readers who did not run the simulation.
    public let method: [Span]
    /// The reform in a few French sentences, which both reports open with: its cost, the
    /// applications granted before and after, who gains and who loses, the largest change.
    public let headline: [String]
    /// The schemes whose parameters the reform changes, by id.
    public let overridden: Set<String>
    /// The schemes the reform touches, shown in full: it changes their parameters, or their
    /// figures (through a limit shared with another scheme, say).
    public var changedSchemes: [SchemeImpact] { schemes.filter { overridden.contains($0.id) || $0.changed } }
    /// The schemes it leaves as they are, one line each.
    public var unchangedSchemes: [SchemeImpact] { schemes.filter { !overridden.contains($0.id) && !$0.changed } }

    public static let overridesTitle = "Paramètres modifiés"
    public static let overridesHeader = ["Dispositif", "Paramètre", "Aujourd'hui", "Avec la réforme"]
    public static let methodTitle = "Méthode"
    public static let headlineTitle = "En bref"
    public static let unchangedTitle = "Dispositifs que la réforme ne modifie pas"

    public init(_ summary: SimulationSummary, catalog: SchemeCatalog) {
        title = "Simulation : \(summary.reform.name)"
        rationale = summary.reform.rationale
        overrides = summary.reform.overrides.map { Self.override($0, catalog: catalog) }
        overridden = Set(summary.reform.overrides.map(\.scheme))
        portfolio = Self.portfolio(summary)
        schemes = summary.schemes.keys.sorted().compactMap { id in
            catalog.schemes[id].map {
                SchemeImpact($0, summary.schemes[id]!, breakdown: summary.reform.breakdown[id],
                             communeInput: summary.communes == nil ? nil : summary.reform.communes[id],
                             territories: summary.communes?.arrondissements ?? [], reformed: summary.reform.apply(to: $0))
            }
        }
        headline = Self.headline(schemes)
        method = [.text("Chaque demande du portefeuille est évaluée deux fois, selon les règles en vigueur "
            + "et selon la réforme, qui ne modifie que les paramètres indiqués ci-dessus : les critères, les formules "
            + "et les textes restent ceux de la délibération. Les plafonds qui portent sur plusieurs demandes (par "
            + "maître d'ouvrage et par an, par exemple) sont appliqués dans l'ordre de dépôt, chaque évaluation tenant "
            + "son propre registre ; le registre des décisions n'est pas modifié. Seules les décisions favorables comptent "
            + "dans les montants accordés." + (summary.schemes.values.contains { $0.call != nil } ? " " + Self.callMethod : "")
            + (summary.schemes.values.contains { !$0.parts.isEmpty } ? " " + Self.allocationMethod : "")
            + " Réforme : "), .code(summary.reform.file), .text(". " + Self.privacy)]
    }

    /// What « accordé » means for a call, and how its selection is simulated.
    static let callMethod = "Pour un appel à projets, une décision favorable rend le projet admissible, sans plus : "
        + "dans chacune des deux évaluations, les projets admissibles de tout le portefeuille sont classés comme le prévoit "
        + "l'appel, puis retenus dans l'ordre du classement tant que l'enveloppe le permet, les suivants allant en liste "
        + "d'attente. Seuls les projets retenus comptent dans les montants accordés, ici comme dans le fichier CSV ; "
        + "l'enveloppe nécessaire est la somme des montants de tous les projets admissibles. Chaque montant est celui de "
        + "l'évaluation dans l'ordre de dépôt : un plafond qui porte sur plusieurs demandes y compte les projets admissibles "
        + "déposés avant, retenus ou non, alors qu'en séance il ne compte que les aides décidées ou proposées."

    /// What the reports show of the applicants, and why.
    static let allocationMethod = "Pour une dotation, que l'autorité calcule pour ses établissements sans qu'ils la "
        + "demandent, chaque demande est la fiche d'un établissement et son montant accordé est la dotation calculée ; "
        + "une dotation n'est jamais refusée. Chaque part de la dotation est en outre additionnée sur les établissements "
        + "dans les deux évaluations (« Dotations, part par part ») : une part déduite y figure en montant positif."

    static let privacy = "Aucune personne physique n'est nommée : les demandes sont désignées par leur numéro au registre, qui "
        + "n'a de sens que pour le service, et un particulier n'apparaît que comme « \(SimulationSummary.naturalPerson) » ; "
        + "seules les personnes morales (communes, associations…) apparaissent sous leur nom. Dans les ventilations, les valeurs qui "
        + "comptent moins de \(SchemeImpact.smallestGroup) demandes sont regroupées sous « \(SchemeImpact.othersLabel) », "
        + "et la ventilation n'est pas montrée quand ce regroupement ne suffit pas, pour qu'aucune personne ne puisse être reconnue."

    /// A scheme or a parameter the catalog no longer has is named by its id.
    private static func override(_ override: Reform.Override, catalog: SchemeCatalog) -> Override {
        let scheme = catalog.schemes[override.scheme]
        let parameter = scheme?.parameters.first { $0.id == override.parameter }
        return Override(scheme: scheme?.title ?? override.scheme, parameter: parameter?.label ?? override.parameter,
                        today: parameter.map(FrenchFormat.versions(of:)) ?? "—",
                        reformed: FrenchFormat.dated(override.value, type: parameter?.type ?? .text, from: override.from))
    }

    private static func portfolio(_ summary: SimulationSummary) -> [Span] {
        let evaluated = FrenchFormat.agreed(summary.applications, "évaluée")
        var spans: [Span] = [.text("Portefeuille : \(FrenchFormat.count(summary.applications, "demande")) \(evaluated) selon les règles "
                                   + "actuelles et selon la réforme, chacune des deux évaluations tenant son propre registre.")]
        if summary.errors == 1 {
            spans.append(.text(" 1 document n'a pu être simulé en tout ou partie (voir l'erreur signalée par la commande)."))
        } else if summary.errors > 1 {
            spans.append(.text(" \(FrenchFormat.count(summary.errors, "document")) n'ont pu être simulés en tout ou partie "
                               + "(voir les erreurs signalées par la commande)."))
        }
        if summary.outOfOrder > 0 {
            let filed = FrenchFormat.agreed(summary.outOfOrder, "était déposée", "étaient déposées")
            spans += [.text(" "), .strong("Attention"), .text(" : \(FrenchFormat.count(summary.outOfOrder, "demande")) du portefeuille "
                + "\(filed) avant une demande déjà évaluée ; les plafonds communs à plusieurs demandes ont été appliqués dans "
                + "l'ordre du portefeuille et non dans l'ordre de dépôt.")]
        }
        if summary.interrupted {
            spans += [.text(" "), .strong("Simulation interrompue"),
                      .text(" : les chiffres portent sur les demandes évaluées avant l'interruption.")]
        }
        return spans
    }

    /// The headline's sentences, over every scheme of the portfolio. The cost is the difference
    /// in the amounts granted: a portfolio is a year of applications, decided as they come in.
    static func headline(_ schemes: [SchemeImpact]) -> [String] {
        var before = DecimalNumber.zero, after = DecimalNumber.zero, difference = DecimalNumber.zero
        do throws(DecimalError) {
            for scheme in schemes {
                before = try before.adding(scheme.total.before)
                after = try after.adding(scheme.total.after)
                difference = try difference.adding(scheme.total.difference)
            }
        } catch {
            return ["Les montants des dispositifs ne peuvent s'additionner exactement : voir chaque dispositif ci-dessous."]
        }
        var lines: [String] = []
        let percent = Self.percent(difference, of: before).map { " (\(FrenchFormat.signedPercent($0, minimumFractionDigits: 1)))" } ?? ""
        // Several schemes: the figures are theirs together, which a scheme's own section does not show.
        let whose = schemes.count > 1 ? " par les \(schemes.count) dispositifs du portefeuille" : ""
        let range = "les montants accordés\(whose) passent de \(FrenchFormat.money(before)) à \(FrenchFormat.money(after))"
        if difference > .zero {
            lines.append("Coût de la réforme pour une année de demandes comme celles du portefeuille : "
                         + "\(FrenchFormat.signedMoney(difference))\(percent) ; \(range).")
        } else if difference < .zero {
            lines.append("Économie due à la réforme pour une année de demandes comme celles du portefeuille : "
                         + "\(FrenchFormat.money(difference.negated()))\(percent) ; \(range).")
        } else {
            lines.append("La réforme ne change pas le total des montants accordés : \(FrenchFormat.money(before)) pour une année "
                         + "de demandes comme celles du portefeuille.")
        }
        // A call's projects are aided when its selection retains them, not when they are admissible.
        let granted = schemes.map(\.aided)
        let grantedBefore = granted.reduce(0) { $0 + $1.before }, grantedAfter = granted.reduce(0) { $0 + $1.after }
        let aided = schemes.contains { $0.call != nil } ? "décision favorable et, pour un appel à projets, projet retenu" : "décision favorable"
        lines.append("Demandes aidées (\(aided)) : \(FrenchFormat.count(grantedBefore)) aujourd'hui, "
                     + "\(FrenchFormat.count(grantedAfter)) avec la réforme (\(FrenchFormat.signedCount(grantedAfter - grantedBefore))).")
        // A call that could not be selected qualifies every figure: it comes first.
        for scheme in schemes {
            guard let call = scheme.call else { continue }
            if call.selected { lines.append(callLine(scheme.title, call)) } else { lines.insert(callLine(scheme.title, call), at: 0) }
        }
        let gainers = schemes.reduce(0) { $0 + $1.gainers }, losers = schemes.reduce(0) { $0 + $1.losersCount }
        let gained = Self.sum(schemes.map(\.gained)), lost = Self.sum(schemes.map(\.lost))
        let gains = gainers == 0 ? "aucune demande ne reçoit davantage"
            : "\(FrenchFormat.count(gainers, "demande")) \(FrenchFormat.agreed(gainers, "reçoit", "reçoivent")) davantage"
                + (gained.map { " (\(FrenchFormat.signedMoney($0)) au total)" } ?? "")
        let losses = losers == 0 ? "aucune ne reçoit moins"
            : "\(FrenchFormat.count(losers, "demande")) \(FrenchFormat.agreed(losers, "reçoit", "reçoivent")) moins"
                + (lost.map { " (\(FrenchFormat.signedMoney($0)) au total)" } ?? "")
        lines.append("Gagnants et perdants : \(gains) ; \(losses).")
        let largest = schemes.flatMap { [$0.winners.first, $0.losers.first].compactMap { $0 } }
            .reduce(nil as SchemeImpact.ChangeRow?) { best, row in
                guard let best else { return row }
                let size = { (amount: DecimalNumber) in amount < .zero ? amount.negated() : amount }
                return size(row.difference) > size(best.difference) ? row : best
            }
        if let largest {
            // Others with the same change: the one named is only the first by id. Only the
            // largest changes are kept, so when all those kept tie there may be more.
            let lists = schemes.flatMap { [$0.winners, $0.losers] }
            let others = lists.reduce(0) { $0 + $1.filter { $0.difference == largest.difference }.count } - 1
            let atLeast = lists.contains { $0.count == SimulationSummary.kept && $0.allSatisfy { $0.difference == largest.difference } }
            let tie = others == 0 ? "" : (atLeast ? ", comme pour au moins " : ", comme pour ")
                + (others == 1 ? "une autre demande" : "\(FrenchFormat.count(others)) autres demandes")
            lines.append("Plus forte variation : \(FrenchFormat.signedMoney(largest.difference)) pour la demande \(largest.application), "
                         + "de \(FrenchFormat.money(largest.before)) à \(FrenchFormat.money(largest.after))\(tie).")
        }
        return lines
    }

    /// A call's selection in one sentence: laureates, waiting list and envelope in each run, and
    /// the envelope that would fund every admissible project; or why no selection was made.
    static func callLine(_ title: String, _ call: SchemeImpact.Call) -> String {
        let needed = "pour financer tous les projets admissibles, il faudrait une enveloppe de \(FrenchFormat.money(call.before.needed)) "
            + "aujourd'hui et de \(FrenchFormat.money(call.after.needed)) avec la réforme"
        guard call.selected else {
            let which = call.before.unselected != nil && call.after.unselected != nil ? "ni aujourd'hui ni avec la réforme"
                : call.before.unselected != nil ? "aujourd'hui" : "avec la réforme"
            return "Appel à projets « \(title) » : aucune sélection n'a pu être faite \(which), l'enveloppe n'étant pas fixée "
                + "(voir ci-dessous) ; sans sélection, les montants comptent tous les projets admissibles ; \(needed)."
        }
        let laureates = { (count: Int) in FrenchFormat.count(count, "lauréat") }
        let envelope = { (amount: DecimalNumber?, fictitious: Bool) in
            (amount.map(FrenchFormat.money) ?? "non fixée") + (fictitious ? " (fictive)" : "")
        }
        let envelopes = call.envelopeBefore == call.envelopeAfter && call.beforeFictitious == call.afterFictitious
            ? "dans une enveloppe de \(envelope(call.envelopeBefore, call.beforeFictitious))"
            : "dans une enveloppe de \(envelope(call.envelopeBefore, call.beforeFictitious)) aujourd'hui et de "
                + "\(envelope(call.envelopeAfter, call.afterFictitious)) avec la réforme"
        return "Appel à projets « \(title) » : \(laureates(call.before.retained)) aujourd'hui (\(FrenchFormat.money(call.before.used)) "
            + "accordés) et \(laureates(call.after.retained)) avec la réforme (\(FrenchFormat.money(call.after.used)) accordés), "
            + "\(envelopes) ; liste d'attente : \(FrenchFormat.count(call.before.waiting, "projet")) aujourd'hui, "
            + "\(FrenchFormat.count(call.after.waiting, "projet")) avec la réforme ; \(needed)."
    }

    /// The sum of the schemes' parts, nil when one is unknown or the sum overflows.
    private static func sum(_ parts: [DecimalNumber?]) -> DecimalNumber? {
        var total = DecimalNumber.zero
        for part in parts {
            guard let part, let next = try? total.adding(part) else { return nil }
            total = next
        }
        return total
    }

    /// `part` in percent of `whole`, rounded half up to one decimal; nil when `whole` is zero
    /// or the product overflows, for there is then no percentage to show.
    static func percent(_ part: DecimalNumber, of whole: DecimalNumber) -> DecimalNumber? {
        guard !whole.isZero else { return nil }
        return try? part.multipliedByHundred().divided(by: whole, scale: 1, rounding: .halfUp)
    }

    /// A percentage always shown with one decimal, "182,0 %", so that columns read alike.
    static func percentText(_ percent: DecimalNumber) -> String {
        FrenchFormat.percent(percent, minimumFractionDigits: 1)
    }
}

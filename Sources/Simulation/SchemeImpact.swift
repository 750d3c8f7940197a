import ExactDecimal
import Imports
import SchemeLanguage

/// One scheme's part of a `ReformImpact`: outcomes, amounts, the spread of the changes, the
/// largest of them and the envelope, before and after the reform.
public struct SchemeImpact: Sendable {
    public struct OutcomeRow: Sendable {
        public let outcome: Outcome
        public let before: Int
        public let after: Int

        public var change: Int { after - before }
        public var beforeText: String { FrenchFormat.count(before) }
        public var afterText: String { FrenchFormat.count(after) }
        public var cells: [String] { [outcome.rawValue, beforeText, afterText, FrenchFormat.signedCount(change)] }
    }

    /// The amounts granted, in all or for one value of the breakdown input.
    public struct Amounts: Sendable {
        public let before: DecimalNumber
        public let after: DecimalNumber
        public let difference: DecimalNumber
        /// The difference in percent of today's amount, rounded half up to one decimal; nil when
        /// nothing is granted today, and for the groups, which show none.
        public let percent: DecimalNumber?

        init(before: DecimalNumber, after: DecimalNumber, difference: DecimalNumber, withPercent: Bool) {
            self.before = before
            self.after = after
            self.difference = difference
            percent = withPercent ? ReformImpact.percent(difference, of: before) : nil
        }

        public var beforeText: String { FrenchFormat.money(before) }
        public var afterText: String { FrenchFormat.money(after) }
        /// The difference, the percentage after it when there is one: "+16 000,00 € (+15,2 %)".
        public var differenceText: String {
            FrenchFormat.signedMoney(difference) + (percent.map { " (\(FrenchFormat.signedPercent($0, minimumFractionDigits: 1)))" } ?? "")
        }
        /// "Aujourd'hui", "Avec la réforme", "Écart".
        public var cells: [String] { [beforeText, afterText, differenceText] }
    }

    /// The applications whose breakdown input has one value.
    public struct Group: Sendable {
        /// The value, canonical ("1", "inscrit_1"), or "non renseigné".
        public let value: String
        /// What the report prints: a named value's French label, or the value as written.
        public let label: String
        public let count: Int
        public let amounts: Amounts

        /// "23 demandes".
        public var applications: String { FrenchFormat.count(count, "demande") }
    }

    public struct Band: Sendable {
        public let label: String
        public let count: Int

        public var countText: String { FrenchFormat.count(count) }
        public var cells: [String] { [label, countText] }
    }

    public struct ChangeRow: Sendable {
        public let application: String
        public let applicant: String
        public let before: DecimalNumber
        public let after: DecimalNumber
        public let difference: DecimalNumber
        /// Why it changes, in French.
        public let reason: String

        public var cells: [String] {
            [application, applicant, FrenchFormat.money(before), FrenchFormat.money(after), FrenchFormat.signedMoney(difference), reason]
        }
    }

    /// The applications that change for one reason.
    public struct ReasonRow: Sendable {
        public let shift: ChangeReason.Shift
        public let reason: ChangeReason
        public let count: Int
        public let difference: DecimalNumber
        /// The reason as a clause, from the scheme's labels.
        public let text: String

        /// « 135 demandes deviennent défavorables (-904 500,00 € au total) : le critère « … » n'est plus rempli, car … ».
        public var sentence: String {
            let amount = difference.isZero ? "" : " (\(FrenchFormat.signedMoney(difference)) au total)"
            return ReasonWording.shift(shift, count: count) + amount + (text.isEmpty ? "." : " : \(text).")
        }
    }

    /// The call's envelope in each run, and how much of it the grants use.
    public struct Envelope: Sendable {
        public let before: DecimalNumber
        public let after: DecimalNumber
        /// Whether each is a value made up to try the rules: the report says so.
        public var beforeFictitious = false
        public var afterFictitious = false
        public let granted: Amounts
        /// The grants in percent of the envelope, rounded half up to one decimal.
        public let usageBefore: DecimalNumber?
        public let usageAfter: DecimalNumber?

        public var rows: [[String]] {
            [["Enveloppe", Self.shown(before, fictitious: beforeFictitious), Self.shown(after, fictitious: afterFictitious)],
             ["Aides accordées", granted.beforeText, granted.afterText],
             ["Utilisation", usageBefore.map(ReformImpact.percentText) ?? "—", usageAfter.map(ReformImpact.percentText) ?? "—"]]
        }

        private static func shown(_ amount: DecimalNumber, fictitious: Bool) -> String {
            FrenchFormat.money(amount) + (fictitious ? " \(FrenchFormat.fictitious)" : "")
        }
    }

    /// A call's selection in each run: laureates, waiting list, envelope used, and the envelope
    /// that would fund every admissible project.
    public struct Call: Sendable {
        public let before: SimulationSummary.CallFigures.Run
        public let after: SimulationSummary.CallFigures.Run
        public let envelopeBefore: DecimalNumber?
        public let envelopeAfter: DecimalNumber?
        public let beforeFictitious: Bool
        public let afterFictitious: Bool

        /// Whether both runs made their selection.
        public var selected: Bool { before.unselected == nil && after.unselected == nil }

        public var rows: [[String]] {
            let counts = { (label: String, value: (SimulationSummary.CallFigures.Run) -> Int) in
                [label] + [before, after].map { $0.unselected == nil ? FrenchFormat.count(value($0)) : Self.none }
            }
            var rows = [["Projets admissibles (décision favorable)", FrenchFormat.count(before.admissible), FrenchFormat.count(after.admissible)],
                        counts("Lauréats (projets retenus)", \.retained), counts("Liste d'attente", \.waiting)]
            if before.notRetained + after.notRetained > 0 {
                rows.append(counts("Non retenus, la liste d'attente étant complète", \.notRetained))
            }
            rows.append(["Enveloppe", Self.shown(envelopeBefore, fictitious: beforeFictitious), Self.shown(envelopeAfter, fictitious: afterFictitious)])
            rows.append(["Enveloppe utilisée (aides accordées)"] + [before, after].map { $0.unselected == nil ? FrenchFormat.money($0.used) : Self.none })
            let usage = { (run: SimulationSummary.CallFigures.Run, envelope: DecimalNumber?) -> String in
                guard run.unselected == nil, let envelope, let percent = ReformImpact.percent(run.used, of: envelope) else { return "—" }
                return ReformImpact.percentText(percent)
            }
            rows.append(["Utilisation", usage(before, envelopeBefore), usage(after, envelopeAfter)])
            rows.append([Self.neededLabel, FrenchFormat.money(before.needed), FrenchFormat.money(after.needed)])
            return rows
        }

        public static let neededLabel = "Enveloppe nécessaire pour financer tous les projets admissibles"
        /// In place of a figure of a run that made no selection.
        static let none = "pas de sélection"

        /// What the report says of a run that could not select, in French sentences.
        public var notes: [String] {
            var notes: [String] = []
            if let reason = before.unselected {
                notes.append("Aujourd'hui, la sélection de l'appel n'a pu être faite : \(reason).")
            }
            if let reason = after.unselected, reason != before.unselected {
                notes.append("Avec la réforme, la sélection de l'appel n'a pu être faite : \(reason).")
            } else if after.unselected != nil {
                notes.append("Avec la réforme non plus, la sélection de l'appel n'a pu être faite, pour la même raison.")
            }
            if !notes.isEmpty {
                notes.append("Sans sélection, les montants accordés indiqués sont ceux de tous les projets admissibles, comme si "
                             + "l'enveloppe suffisait à les financer tous : ils ne tiennent compte ni du classement ni de l'enveloppe.")
            }
            return notes
        }

        private static func shown(_ amount: DecimalNumber?, fictitious: Bool) -> String {
            guard let amount else { return "non fixée" }
            return FrenchFormat.money(amount) + (fictitious ? " \(FrenchFormat.fictitious)" : "")
        }
    }

    public static let callTitle = "Sélection de l'appel à projets"
    public static let callHeader = ["", "Aujourd'hui", "Avec la réforme"]
    public static let outcomesTitle = "Issues des demandes"
    public static let outcomesHeader = ["Issue", "Aujourd'hui", "Avec la réforme", "Écart"]
    public static let amountsTitle = "Montants accordés"
    public static let amountsHeader = ["", "Aujourd'hui", "Avec la réforme", "Écart"]
    public static let totalLabel = "Total"
    public static let bandsTitle = "Nombre de demandes par écart de montant"
    public static let bandsHeader = ["Écart", "Demandes"]
    public static let winnersTitle = "Demandes qui gagnent le plus"
    public static let losersTitle = "Demandes qui perdent le plus"
    public static let changesHeader = ["Demande", "Demandeur", "Aujourd'hui", "Avec la réforme", "Écart", "Raison"]
    public static let reasonsTitle = "Pourquoi les résultats changent"
    /// Before the reasons: where they come from.
    public static let reasonsIntroduction = "Pour chaque demande dont l'issue, le montant ou la place dans l'appel à projets change, "
        + "la raison est lue dans le détail de ses deux évaluations : le critère dont le verdict change, l'étape du calcul qui "
        + "limite désormais l'aide (ou ne la limite plus) ou dont la valeur change, et ce qui la fait changer, un paramètre "
        + "modifié par la réforme ou un cumul de demandes déposées plus tôt. Les demandes sont regroupées par raison :"
    /// In place of an empty list of changes.
    public static let noChange = "Aucune."
    public static let partsTitle = "Dotations, part par part"
    public static let partsHeader = ["Part (total des établissements)", "Aujourd'hui", "Avec la réforme", "Écart"]
    public static let envelopeTitle = "Enveloppe"
    public static let envelopeHeader = ["", "Aujourd'hui", "Avec la réforme"]

    public let id: String
    public let title: String
    public let outcomes: [OutcomeRow]
    public let total: Amounts
    /// The input whose values split the amounts, when the reform names one and it has values.
    public let breakdown: String?
    public let groups: [Group]
    public let bands: [Band]
    public let winners: [ChangeRow]
    public let losers: [ChangeRow]
    /// The changed applications grouped by reason, the largest groups first.
    public let reasons: [ReasonRow]
    public let envelope: Envelope?
    /// For a call, its selection in each run; its table takes the envelope's place.
    public let call: Call?
    /// The question that asks the breakdown input, to name it in French.
    public let breakdownQuestion: String?
    /// The input that gives the maître d'ouvrage's SIREN, when the reform joins the scheme to
    /// the reference of communes and the breakdowns below are shown.
    public let communeInput: String?
    /// The amounts by the commune's population band, the bands in order, then the applications
    /// of no commune of the reference; empty when not shown (see `merged`).
    public let populationGroups: [Group]
    /// The amounts by the commune's arrondissement, by name, then the applications of no commune.
    public let territoryGroups: [Group]
    /// How many applications have a maître d'ouvrage that is no commune of the reference.
    public let unattached: Int
    /// For an allocation, each part summed over the establishments, in each run.
    public let parts: [(label: String, amounts: Amounts)]
    /// The rows of the parts' table.
    public var partRows: [[String]] { parts.map { [$0.label] + $0.amounts.cells } }

    /// How many applications the reform gives more, and less (from the bands of change).
    public var gainers: Int { bands[4...].reduce(0) { $0 + $1.count } }
    public var losersCount: Int { bands[..<3].reduce(0) { $0 + $1.count } }
    /// What the gainers receive more in all, exactly.
    public let gained: DecimalNumber
    /// What the losers receive less in all, exactly (negative).
    public let lost: DecimalNumber
    /// Whether the reform changes any outcome or amount of the scheme's applications, or its envelope.
    public var changed: Bool {
        outcomes.contains { $0.change != 0 } || gainers + losersCount > 0 || envelope.map { $0.before != $0.after } == true
            || call.map { $0.before.retained != $0.after.retained || $0.before.waiting != $0.after.waiting || $0.before.needed != $0.after.needed
                || $0.before.unselected != nil || $0.after.unselected != nil } == true
    }
    /// The one line for a scheme the reform leaves as it is.
    public var unchangedLine: String {
        let count = outcomes.reduce(0) { $0 + $1.before }
        return "\(title) : \(FrenchFormat.count(count, "demande")), aucune issue ni aucun montant modifié "
            + "(\(total.beforeText) accordés dans les deux cas)."
    }

    /// `reformed` is the scheme under the reform, whose labels name the reasons.
    ///
    /// `territories`: the arrondissements of the reference of communes, in the order the report lists them.
    init(_ scheme: Scheme, _ totals: SimulationSummary.SchemeTotals, breakdown: String?, communeInput: String? = nil,
         territories: [String] = [], reformed: Scheme) {
        id = scheme.id
        title = scheme.title
        outcomes = Outcome.allCases.map { OutcomeRow(outcome: $0, before: totals.outcomesBefore[$0] ?? 0, after: totals.outcomesAfter[$0] ?? 0) }
        total = Amounts(before: totals.amountBefore, after: totals.amountAfter, difference: totals.difference, withPercent: true)
        groups = Self.merged(Self.groups(totals, of: scheme, input: breakdown).map { value, label in
            let group = totals.byGroup[value]!
            return Group(value: value, label: label, count: group.count,
                         amounts: Amounts(before: group.before, after: group.after, difference: group.difference, withPercent: false))
        })
        self.breakdown = groups.isEmpty ? nil : breakdown
        breakdownQuestion = self.breakdown.flatMap(scheme.inputIndex).map { scheme.inputs[$0].question }
        populationGroups = Self.merged(Self.communeGroups(totals.byBand, order: CommuneReference.bands))
        territoryGroups = Self.merged(Self.communeGroups(totals.byTerritory, order: territories))
        self.communeInput = populationGroups.isEmpty && territoryGroups.isEmpty ? nil : communeInput
        unattached = totals.byBand[SimulationSummary.unattachedLabel]?.count ?? 0
        bands = zip(SimulationSummary.bands, totals.distribution).map { Band(label: $0, count: $1) }
        let wording = ReasonWording(base: scheme, reformed: reformed)
        winners = totals.winners.map { Self.row($0, wording) }
        losers = totals.losers.map { Self.row($0, wording) }
        gained = totals.gained
        lost = totals.lost
        reasons = totals.reasons.map { group, tally in
            ReasonRow(shift: group.shift, reason: group.reason, count: tally.count, difference: tally.difference,
                      text: wording.text(group.reason, on: totals.lastFiled))
        }.sorted { ($1.count, $0.sentence) < ($0.count, $1.sentence) }
        parts = totals.parts.compactMap { part in
            (try? part.after.subtracting(part.before)).map {
                (part.label, Amounts(before: part.before, after: part.after, difference: $0, withPercent: false))
            }
        }
        if let before = totals.envelopeBefore, let after = totals.envelopeAfter {
            envelope = Envelope(before: before, after: after, beforeFictitious: totals.envelopeBeforeFictitious,
                                afterFictitious: totals.envelopeAfterFictitious, granted: total,
                                usageBefore: ReformImpact.percent(total.before, of: before), usageAfter: ReformImpact.percent(total.after, of: after))
        } else {
            envelope = nil
        }
        call = totals.call.map {
            Call(before: $0.before, after: $0.after, envelopeBefore: totals.envelopeBefore, envelopeAfter: totals.envelopeAfter,
                 beforeFictitious: totals.envelopeBeforeFictitious, afterFictitious: totals.envelopeAfterFictitious)
        }
    }

    private static func row(_ change: SimulationSummary.Change, _ wording: ReasonWording) -> ChangeRow {
        ChangeRow(application: change.application, applicant: change.applicant, before: change.before, after: change.after,
                  difference: change.difference, reason: wording.text(change.reason, change.secondary, on: change.filed))
    }

    /// A breakdown shows no group of fewer applications than this, so that no one can be singled out.
    public static let smallestGroup = 5
    /// The group the small ones are merged into.
    public static let othersLabel = "autres valeurs"

    /// The groups of at least `smallestGroup` applications, in order, then « autres valeurs »
    /// for the others. When the merged group is itself too small, the smallest groups shown
    /// join it, for the total less the groups shown would otherwise give it away; when nothing
    /// would be left but one group, the same as the total, or an amount overflows, no breakdown
    /// is shown at all.
    static func merged(_ groups: [Group]) -> [Group] {
        var shown = groups.filter { $0.count >= smallestGroup }
        var others = groups.filter { $0.count < smallestGroup }
        while !others.isEmpty, others.reduce(0, { $0 + $1.count }) < smallestGroup, !shown.isEmpty {
            // The smallest group shown, the last of equals: the first values keep their place.
            let smallest = shown.indices.min { (shown[$0].count, -$0) < (shown[$1].count, -$1) }!
            others.append(shown.remove(at: smallest))
        }
        guard !shown.isEmpty else { return [] }
        guard !others.isEmpty else { return shown }
        do throws(DecimalError) {
            var before = DecimalNumber.zero, after = DecimalNumber.zero, difference = DecimalNumber.zero
            for group in others {
                before = try before.adding(group.amounts.before)
                after = try after.adding(group.amounts.after)
                difference = try difference.adding(group.amounts.difference)
            }
            let count = others.reduce(0) { $0 + $1.count }
            return shown + [Group(value: othersLabel, label: othersLabel, count: count,
                                  amounts: Amounts(before: before, after: after, difference: difference, withPercent: false))]
        } catch {
            return []
        }
    }

    /// A commune breakdown's groups in `order`, then the applications of no commune of the reference.
    static func communeGroups(_ totals: [String: SimulationSummary.GroupTotals], order: [String]) -> [Group] {
        (order.filter { $0 != SimulationSummary.unattachedLabel } + [SimulationSummary.unattachedLabel]).compactMap { label in
            totals[label].map {
                Group(value: label, label: label, count: $0.count,
                      amounts: Amounts(before: $0.before, after: $0.after, difference: $0.difference, withPercent: false))
            }
        }
    }

    /// The breakdown's groups: for an input with named values (`inscrit_1`), their French labels
    /// in the order the scheme lists them; otherwise the values as written, sorted.
    static func groups(_ totals: SimulationSummary.SchemeTotals, of scheme: Scheme, input: String?) -> [(key: String, label: String)] {
        let keys = totals.byGroup.keys.sorted()
        guard let input, let index = scheme.inputIndex(input), case .enumeration(let domain) = scheme.inputs[index].type else {
            return keys.map { ($0, $0) }
        }
        // A group that is no value ("non renseigné") comes after the values.
        let rank = { (key: String) in domain.values.firstIndex(of: key) ?? domain.values.count }
        return keys.sorted { (rank($0), $0) < (rank($1), $1) }.map { ($0, domain.label(of: $0)) }
    }
}

import Documents
import Decisions
import RuleSet

/// The comparison report of a simulation, in French Markdown: the layout of a `ReformImpact`.
public enum SimulationReport {
    public static func markdown(_ summary: SimulationSummary, catalog: SchemeCatalog) -> String {
        markdown(ReformImpact(summary, catalog: catalog))
    }

    public static func markdown(_ impact: ReformImpact) -> String {
        var text = MarkdownText()
        text.heading(impact.title, level: 1)
        text.section(ReformImpact.headlineTitle, bullets: impact.headline)
        text.line(impact.rationale)
        text.blank()
        text.heading(ReformImpact.overridesTitle)
        text.table(ReformImpact.overridesHeader, impact.overrides.map(\.cells))
        text.line(inline(impact.portfolio))
        text.blank()
        for scheme in impact.changedSchemes { section(scheme, into: &text) }
        text.section(ReformImpact.unchangedTitle, bullets: impact.unchangedSchemes.map(\.unchangedLine))
        text.heading(ReformImpact.methodTitle)
        text.line(inline(impact.method))
        return text.result
    }

    private static func section(_ scheme: SchemeImpact, into text: inout MarkdownText) {
        text.heading(scheme.title)
        text.heading(SchemeImpact.outcomesTitle, level: 3)
        text.table(SchemeImpact.outcomesHeader, scheme.outcomes.map(\.cells))
        text.heading(SchemeImpact.amountsTitle, level: 3)
        if let question = scheme.breakdownQuestion {
            text.line("Au total, puis selon la réponse à la question « \(question) » :")
            text.blank()
        }
        let groups = scheme.groups.map { group in ["dont \(group.label) (\(group.applications))"] + group.amounts.cells }
        text.table(SchemeImpact.amountsHeader, [[SchemeImpact.totalLabel] + scheme.total.cells] + groups)
        communes(scheme, into: &text)
        if !scheme.parts.isEmpty {
            text.heading(SchemeImpact.partsTitle, level: 3)
            text.table(SchemeImpact.partsHeader, scheme.partRows)
        }
        text.heading(SchemeImpact.bandsTitle, level: 3)
        text.table(SchemeImpact.bandsHeader, scheme.bands.map(\.cells))
        if !scheme.reasons.isEmpty {
            text.heading(SchemeImpact.reasonsTitle, level: 3)
            text.line(SchemeImpact.reasonsIntroduction)
            text.blank()
            text.list(scheme.reasons.map(\.sentence))
        }
        text.heading(SchemeImpact.winnersTitle, level: 3)
        changes(scheme.winners, into: &text)
        text.heading(SchemeImpact.losersTitle, level: 3)
        changes(scheme.losers, into: &text)
        if let call = scheme.call {
            text.heading(SchemeImpact.callTitle, level: 3)
            for note in call.notes {
                text.line(note)
                text.blank()
            }
            text.table(SchemeImpact.callHeader, call.rows)
        } else if let envelope = scheme.envelope {
            text.heading(SchemeImpact.envelopeTitle, level: 3)
            text.table(SchemeImpact.envelopeHeader, envelope.rows)
        }
    }

    /// The amounts by the commune's population band and by its arrondissement, when joined.
    private static func communes(_ scheme: SchemeImpact, into text: inout MarkdownText) {
        guard let introduction = scheme.communesIntroduction else { return }
        text.heading(SchemeImpact.communesTitle, level: 3)
        text.line(introduction)
        text.blank()
        for (title, header, groups) in [(SchemeImpact.populationTitle, SchemeImpact.populationHeader, scheme.populationGroups),
                                        (SchemeImpact.territoryTitle, SchemeImpact.territoryHeader, scheme.territoryGroups)] {
            text.heading(title, level: 4)
            if groups.isEmpty {
                text.line(SchemeImpact.hiddenBreakdown)
                text.blank()
            } else {
                text.table(header, SchemeImpact.rows(groups))
            }
        }
    }

    private static func changes(_ rows: [SchemeImpact.ChangeRow], into text: inout MarkdownText) {
        guard !rows.isEmpty else {
            text.line(SchemeImpact.noChange)
            text.blank()
            return
        }
        text.table(SchemeImpact.changesHeader, rows.map(\.cells))
    }

    private static func inline(_ spans: [ReformImpact.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text): text
            case .strong(let text): "**\(text)**"
            case .code(let text): "`\(text)`"
            }
        }.joined()
    }
}

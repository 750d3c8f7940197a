import Documents
import Evaluator
import SchemeLanguage

/// What every draft report put to a sitting shares, a call's (`ProposalReport`) or another
/// scheme's (`SittingProposal`): the letterhead with the sitting, the notice that it is a draft
/// (or a simulation) at its top and at its end, its title, and the footer tracing it to its rules.
enum DraftReport {
    /// The report around `body`, the blocks that are its own (exposé, propositions, annexes).
    static func document(_ scheme: Scheme, sitting: DecisionAct, deployment: Deployment, simulation: Bool, body: [Block]) -> Document {
        let name = BodyName(sitting.body, authority: scheme.authority)
        let notice = simulation ? DecisionRecord.simulationNotice : name.proposalNotice
        // The President does not sit: his decision follows the selection of that day.
        let references = [Field(sitting.body.votes ? "Séance" : "Date", Text(sitting.date.frenchLong)), Field("Référence", Text(sitting.reference)),
                          Field("Dispositif", Text("\(scheme.title) (\(scheme.kind.frenchName))"))]
        var document = Document(title: "Projet de rapport — \(scheme.title)",
                                letterhead: Letterhead(authority: scheme.authority.name,
                                                       sender: deployment.service == nil ? [] : ActParts.sender(deployment),
                                                       references: references))
        document.append(.notice(.strong(notice + ".")))
        document.append(.actTitle([Text("Projet de rapport \(name.toBody)"), Text(scheme.title)]))
        document.append(contentsOf: body)
        document.append(contentsOf: [.separator, .paragraph(.strong(notice + "."), role: .small),
                                     .paragraph(Text("Établi par Guichet \(DecisionRecord.currentEngineVersion) à partir des règles « \(scheme.id) », empreinte SHA-256 \(scheme.rulesHash)."), role: .small)])
        return document
    }

    /// The exposé's first paragraph: the texts the scheme rests on.
    static func basis(_ scheme: Scheme) -> [Block] {
        let texts = DecisionRecord.legalBasis(of: scheme).map(FrenchGrammar.withArticle)
        guard !texts.isEmpty else { return [] }
        return [.paragraph(Text("Le dispositif « \(scheme.title) » (\(scheme.kind.frenchName)) repose sur \(FrenchFormat.series(texts))."))]
    }

    /// A list of propositions, each but the last closed by « ; », the last by a full stop.
    static func propositions(_ items: [String], to body: BodyName) -> [Block] {
        let listed = items.enumerated().map { Text($1 + ($0 == items.count - 1 ? "." : " ;")) }
        return [.heading("Propositions", level: 3), .paragraph(Text("Il est proposé \(body.toBody) :")), .list(listed)]
    }

    /// The applicant's reference, name and project, the first cells of every annex row.
    static func applicant(_ evaluation: Evaluation) -> [String] {
        [evaluation.application.id, evaluation.application.applicant.name, evaluation.application.subject ?? "—"]
    }

    /// The values of `steps` in the evaluation's record, « — » for one not computed.
    static func stepValues(_ evaluation: Evaluation, _ steps: [Int]) -> [String] {
        let record = DecisionRecord(evaluation)
        return steps.map { index in record.steps.indices.contains(index) ? record.steps[index].value ?? "—" : "—" }
    }
}

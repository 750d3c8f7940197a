import Documents
import ExactDecimal
import SchemeLanguage

/// The act by which an authority takes back, in whole or in part, a favourable decision it
/// made: withdrawal or abrogation, on a ground the CRPA allows, stated in law and in fact.
public struct WithdrawalAct: Sendable {
    /// The decision taken back, as the register recorded it.
    public struct Decided: Sendable {
        public let act: DecisionAct
        public let amount: DecimalNumber?
        public let notifiedOn: LocalDate?

        public init(act: DecisionAct, amount: DecimalNumber?, notifiedOn: LocalDate?) {
            self.act = act
            self.amount = amount
            self.notifiedOn = notifiedOn
        }
    }

    public let scheme: Scheme
    public let application: Application
    public let decided: Decided
    public let ground: WithdrawalGround
    /// The facts, as the authority states them.
    public let statement: String
    /// What is left of the aid; nil when it is taken back in whole.
    public let newAmount: DecimalNumber?
    /// This act: who takes it, its number and date.
    public let act: DecisionAct
    public let deployment: Deployment
    /// Once notified, the day it was.
    public let notifiedOn: LocalDate?
    /// The day the beneficiary was invited to present observations on the measure envisaged:
    /// the contradictory procedure that must precede an act taken on the authority's own
    /// initiative (CRPA L. 121-1 and L. 122-1); nil when the caller does not say.
    public let observationsInvitedOn: LocalDate?

    public init(scheme: Scheme, application: Application, decided: Decided, ground: WithdrawalGround, statement: String,
                newAmount: DecimalNumber?, act: DecisionAct, deployment: Deployment, notifiedOn: LocalDate? = nil,
                observationsInvitedOn: LocalDate? = nil) {
        self.scheme = scheme
        self.application = application
        self.decided = decided
        self.ground = ground
        self.statement = statement
        self.newAmount = newAmount
        self.act = act
        self.deployment = deployment
        self.notifiedOn = notifiedOn
        self.observationsInvitedOn = observationsInvitedOn
    }

    /// "retrait", "abrogation", partial or not, or for a more favourable decision, "modification".
    var operation: String {
        if ground.raises { return "modification" }
        let operation = ground.abrogates ? "abrogation" : "retrait"
        guard newAmount != nil else { return operation }
        return operation + (ground.abrogates ? " partielle" : " partiel")
    }

    /// The act, laid out as `MarkdownAct` lays out an award: for a body that votes, the
    /// notification of its deliberation; for the President, his own decision. Both end with the
    /// routes of appeal, the signature block and the notice on personal data every act shares
    /// (`ActBlocks`). It carries no mention of the algorithmic processing: its grounds and its
    /// amount are the authority's statement, not the result of the rules.
    public func markdown() -> String {
        let authority = scheme.authority
        var text = MarkdownText()
        text.heading(authority.name, level: 1)
        text.heading("Décision de \(operation) d'une aide")
        text.line("**\(scheme.title)** (\(scheme.kind.frenchName))")
        text.blank()
        var rows = [["Référence de la demande", application.id], ["Bénéficiaire", application.applicant.name]]
        if let subject = application.subject { rows.append(["Objet", subject]) }
        rows.append(ActBlocks.actRow(act, authority: authority))
        if let notifiedOn { rows.append(["Notifiée le", notifiedOn.frenchLong]) }
        rows += MarkdownDecision.serviceRows(deployment)
        text.table(["", ""], rows)
        text.list(visas)
        grounds(into: &text)
        text.heading("Décision")
        text.line(act.body.votes ? deliberation : statementOfTheAct)
        text.blank()
        ActBlocks.appeal(scheme, applicant: application.applicant, act: act, into: &text)
        ActBlocks.signature(act, authority: authority, deployment: deployment, into: &text)
        ActBlocks.personalData(scheme, applicant: application.applicant, deployment: deployment, into: &text)
        return text.result
    }

    /// "la délibération n° CP20201214-22 de la Commission permanente du Conseil départemental du
    /// 14 décembre 2020", or for the President, "la décision n° … du Président … du …".
    private var decidedAct: String {
        let body = BodyName(decided.act.body, authority: scheme.authority)
        let kind = decided.act.body.votes ? "la délibération" : "la décision"
        return "\(kind) \(ActBlocks.number(decided.act)) \(FrenchGrammar.de(body.name)) du \(decided.act.date.frenchLong)"
    }

    /// The articles of the CRPA the act applies: the contradictory procedure when the authority
    /// acts on its own initiative, the reasoning of an act that takes back a decision creating
    /// rights (L. 211-2, 4°, and L. 211-5) unless it replaces it by a more favourable one, and
    /// the article that allows it.
    private var crpaArticles: [String] {
        (ground.onBeneficiaryRequest ? [] : ["L. 121-1", "L. 122-1"]) + (ground.raises ? [] : ["L. 211-2", "L. 211-5"]) + [ground.articleNumber]
    }

    private var visas: [String] {
        let articles = crpaArticles
        let named = articles.count == 1 ? "son article \(articles[0])" : "ses articles \(articles.dropLast().joined(separator: ", ")) et \(articles.last!)"
        var visas = [ActBlocks.codeVisa(scheme, body: act.body)].compactMap { $0 }
        visas.append("Vu le code des relations entre le public et l'administration, notamment \(named) ;")
        visas += ActBlocks.schemeVisas(scheme)
        visas += [ActBlocks.deliberationVisa(act, authority: scheme.authority)].compactMap { $0 }
        let amount = decided.amount.map { " d'un montant de \(FrenchFormat.money($0))" } ?? ""
        let notified = decided.notifiedOn.map { ", notifiée le \($0.frenchLong)" } ?? ""
        visas.append("Vu \(decidedAct) attribuant \(FrenchGrammar.to(application.applicant.name)) une aide\(amount) au titre du dispositif « \(scheme.title) »\(notified).")
        return visas
    }

    private func grounds(into text: inout MarkdownText) {
        text.heading("Motifs")
        text.line("**En droit.** « \(ground.quote) » (code des relations entre le public et l'administration, \(ground.article)).")
        text.blank()
        text.line("**En fait.** \(FrenchGrammar.sentenceEnd(statement))")
        text.blank()
        if ground.withinFourMonths {
            text.line("\(ActBlocks.subject(act)) intervient dans le délai de quatre mois suivant la décision du \(decided.act.date.frenchLong).")
            text.blank()
        }
        if let line = contradictoryProcedure {
            text.line(line)
            text.blank()
        }
    }

    /// For an act on the authority's own initiative, the day the beneficiary was invited to
    /// present observations, or a bold line saying it is not known; nil on the beneficiary's request.
    private var contradictoryProcedure: String? {
        guard !ground.onBeneficiaryRequest else { return nil }
        let articles = "code des relations entre le public et l'administration, articles L. 121-1 et L. 122-1"
        guard let invited = observationsInvitedOn else {
            return "**Procédure contradictoire préalable non renseignée : le bénéficiaire doit avoir été mis à même de présenter ses observations avant que cette décision soit prise (\(articles)).**"
        }
        return "**Procédure contradictoire.** Le bénéficiaire a été invité, le \(invited.frenchLong), à présenter ses observations sur la mesure envisagée (\(articles))."
    }

    /// What is done to the decision taken back, in the words of a deliberation ("a décidé de
    /// retirer en partie …") and of the President's act ("… est retirée en partie"), and what follows.
    private struct Effect {
        let infinitive: String
        let participle: String
        /// An abrogation takes effect from the act's date.
        var fromNow = false
        /// A more favourable decision replaces the one taken back.
        var replaces = false
        let consequence: String
    }

    private var effect: Effect {
        let from = decided.amount.map { " de \(FrenchFormat.money($0))" } ?? ""
        switch (newAmount, ground.abrogates) {
        case (nil, false):
            return Effect(infinitive: "de retirer", participle: "retirée",
                          consequence: ". L'aide attribuée n'est pas due ; les sommes versées à ce titre sont à reverser.")
        case (nil, true):
            return Effect(infinitive: "d'abroger", participle: "abrogée", fromNow: true, consequence: ".")
        case (let amount?, _) where ground.raises:
            return Effect(infinitive: "de remplacer", participle: "remplacée", replaces: true,
                          consequence: " : le montant de l'aide est porté\(from) à \(FrenchFormat.money(amount)).")
        case (let amount?, true):
            return Effect(infinitive: "d'abroger en partie", participle: "abrogée en partie", fromNow: true,
                          consequence: " : le montant de l'aide est ramené\(from) à \(FrenchFormat.money(amount)).")
        case (let amount?, false):
            return Effect(infinitive: "de retirer en partie", participle: "retirée en partie",
                          consequence: " : le montant de l'aide est ramené\(from) à \(FrenchFormat.money(amount)). Les sommes versées au-delà sont à reverser.")
        }
    }

    /// The deliberation of a body that votes, as its notification states it: "Par délibération
    /// n° … du …, la Commission permanente … a décidé de retirer la délibération n° … ".
    private var deliberation: String {
        let body = BodyName(act.body, authority: scheme.authority)
        let effect = effect
        let replaced = effect.replaces ? " par une décision plus favorable" : ""
        let fromNow = effect.fromNow ? " à compter de la date de cette délibération" : ""
        return "Par délibération \(ActBlocks.number(act)) du \(act.date.frenchLong), \(body.name) a décidé \(effect.infinitive) \(decidedAct)\(replaced)\(fromNow)\(effect.consequence)"
    }

    /// The President's decision, in the words of the act itself: "La décision n° … est retirée."
    private var statementOfTheAct: String {
        let effect = effect
        let replaced = effect.replaces ? " par la présente décision" : ""
        let fromNow = effect.fromNow ? " à compter de la date de la présente décision" : ""
        return "\(FrenchGrammar.capitalizedFirst(decidedAct)) est \(effect.participle)\(replaced)\(fromNow)\(effect.consequence)"
    }
}

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

    public init(scheme: Scheme, application: Application, decided: Decided, ground: WithdrawalGround, statement: String,
                newAmount: DecimalNumber?, act: DecisionAct, deployment: Deployment, notifiedOn: LocalDate? = nil) {
        self.scheme = scheme
        self.application = application
        self.decided = decided
        self.ground = ground
        self.statement = statement
        self.newAmount = newAmount
        self.act = act
        self.deployment = deployment
        self.notifiedOn = notifiedOn
    }

    /// "retrait", "abrogation", partial or not, or for a more favourable decision, "modification".
    var operation: String {
        if ground.raises { return "modification" }
        let operation = ground.abrogates ? "abrogation" : "retrait"
        guard newAmount != nil else { return operation }
        return operation + (ground.abrogates ? " partielle" : " partiel")
    }

    public func markdown() -> String {
        var text = MarkdownText()
        text.heading(scheme.authority.name, level: 1)
        text.heading("Décision de \(operation) d'une aide")
        if let notifiedOn { text.line("**Notifiée le \(notifiedOn.frenchLong).**"); text.blank() }
        text.line("**\(scheme.title)** — décision n° \(act.reference) du \(act.date.frenchLong)")
        text.blank()
        text.table(["", ""], [["Référence de la demande", application.id], ["Bénéficiaire", application.applicant.name]]
                   + (application.subject.map { [["Objet", $0]] } ?? []))
        visas(into: &text)
        grounds(into: &text)
        articles(into: &text)
        signature(into: &text)
        return text.result
    }

    /// "la délibération n° CP20201214-22 de la Commission permanente du Conseil départemental du
    /// 14 décembre 2020", or for the President, "la décision n° … du Président … du …".
    private var decidedAct: String {
        let body = FrenchGrammar.lowercasedFirst(scheme.authority.name(of: decided.act.body) ?? scheme.authority.signatory)
        let kind = decided.act.body.votes ? "la délibération" : "la décision"
        return "\(kind) n° \(decided.act.reference) \(FrenchGrammar.de(body)) du \(decided.act.date.frenchLong)"
    }

    private func visas(into text: inout MarkdownText) {
        var visas = ["Vu le code des relations entre le public et l'administration, notamment son \(ground.article) ;"]
        visas += scheme.sources.map(\.deliberation).uniqued().map { "Vu \(FrenchGrammar.withArticle($0)) ;" }
        let amount = decided.amount.map { " d'un montant de \(FrenchFormat.money($0))" } ?? ""
        let notified = decided.notifiedOn.map { ", notifiée le \($0.frenchLong)" } ?? ""
        visas.append("Vu \(decidedAct) attribuant \(FrenchGrammar.to(application.applicant.name)) une aide\(amount) au titre du dispositif « \(scheme.title) »\(notified).")
        text.list(visas)
    }

    private func grounds(into text: inout MarkdownText) {
        text.heading("Motifs")
        text.line("**En droit.** « \(ground.quote) » (code des relations entre le public et l'administration, \(ground.article)).")
        text.blank()
        text.line("**En fait.** \(FrenchGrammar.sentenceEnd(statement))")
        text.blank()
        if ground.withinFourMonths {
            text.line("La présente décision intervient dans le délai de quatre mois suivant la décision du \(decided.act.date.frenchLong).")
            text.blank()
        }
    }

    private func articles(into text: inout MarkdownText) {
        text.heading("Décide")
        let original = FrenchGrammar.capitalizedFirst(decidedAct)
        let from = decided.amount.map { " de \(FrenchFormat.money($0))" } ?? ""
        let first: String
        switch (newAmount, ground.abrogates) {
        case (nil, false): first = "\(original) est retirée. L'aide attribuée n'est pas due ; les sommes versées à ce titre sont à reverser."
        case (nil, true): first = "\(original) est abrogée à compter de la date de la présente décision."
        case (let amount?, _) where ground.raises:
            first = "\(original) est remplacée par la présente décision : le montant de l'aide est porté\(from) à \(FrenchFormat.money(amount))."
        case (let amount?, let abrogates):
            let what = abrogates ? "abrogée en partie, à compter de la date de la présente décision" : "retirée en partie"
            let repay = abrogates ? "" : " Les sommes versées au-delà sont à reverser."
            first = "\(original) est \(what) : le montant de l'aide est ramené\(from) à \(FrenchFormat.money(amount)).\(repay)"
        }
        text.line("**Article 1.** \(first)")
        text.blank()
        text.line("**Article 2.** La présente décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux auprès \(FrenchGrammar.de(scheme.authority.signatory)) ou d'un recours contentieux devant le \(scheme.authority.court).")
        text.blank()
    }

    private func signature(into text: inout MarkdownText) {
        text.line("Fait le \(act.date.frenchLong).")
        text.blank()
        if let signatory = deployment.signatory {
            text.line("\(signatory.title),")
            text.blank()
            text.line("\(signatory.firstName) \(signatory.name)")
        } else {
            text.line("**Signataire non renseigné (guichet.yaml) : cet acte ne peut être signé en l'état.**")
        }
        text.blank()
    }
}

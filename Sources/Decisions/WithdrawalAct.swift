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

    /// The act, laid out as an award is (`ActDocument`): for a body that votes, the letter
    /// notifying its deliberation; for the President, his own decision. Both end with the
    /// signature, the routes of appeal and the notice on personal data every act shares. It
    /// carries no mention of the algorithmic processing: its grounds and its amount are the
    /// authority's statement, not the result of the rules.
    public func document() -> Document {
        let authority = scheme.authority
        let references = [Field("Bénéficiaire", Text(application.applicant.name))]
            + (notifiedOn.map { [Field("Notifiée le", Text($0.frenchLong))] } ?? [])
        var document = Document(title: "Décision de \(operation) d'une aide — \(application.id)",
                                letterhead: ActParts.letterhead(authority: authority, application: application, deployment: deployment,
                                                                references: references))
        document.append(contentsOf: act.body.votes ? letter : president)
        document.append(.signature(ActParts.signature(act, authority: authority, deployment: deployment)))
        document.append(contentsOf: ActParts.mention(LegalMentions.appeal(scheme, applicant: application.applicant, act: act)))
        document.append(contentsOf: ActParts.mention(LegalMentions.personalData(scheme, applicant: application.applicant, deployment: deployment)))
        return document
    }

    /// The act as Markdown, for review and diffs.
    public func markdown() -> String { MarkdownRendering.string(document()) }

    /// The President's decision: title, « Vu », « Considérant », « DÉCIDE : », articles.
    private var president: [Block] {
        var blocks: [Block] = [.actTitle([Text("DÉCISION \(ActBlocks.number(act)) du \(act.date.frenchLong)"),
                                          Text("portant \(operation) d'une aide attribuée au titre du dispositif « \(scheme.title) »")])]
        blocks.append(.paragraph(Text(BodyName(act.body, authority: scheme.authority).capitalized + ","), role: .operative))
        blocks += visas.map { .paragraph(Text($0), role: .visa) }
        blocks += grounds(.considering).map { .paragraph($0, role: .considering) }
        blocks.append(.paragraph("DÉCIDE :", role: .operative))
        blocks.append(.article(label: "Article 1er", paragraphs: [Text(statementOfTheAct)]))
        blocks.append(.article(label: "Article 2", paragraphs: [Text("La présente décision sera notifiée \(FrenchGrammar.to(application.applicant.name)).")]))
        return blocks
    }

    /// The letter notifying the deliberation of a body that votes.
    private var letter: [Block] {
        let body = BodyName(act.body, authority: scheme.authority)
        return [
            .paragraph(.strong("Objet : ") + "notification de la délibération \(ActBlocks.number(act)) \(FrenchGrammar.de(body.name)) du \(act.date.frenchLong) — dispositif « \(scheme.title) »"),
            .paragraph("Madame, Monsieur,"),
            .paragraph(Text("J'ai l'honneur de vous notifier la délibération \(ActBlocks.number(act)) du \(act.date.frenchLong) par laquelle \(deliberation)")),
            .paragraph("Cette décision se fonde sur les textes suivants :"),
            .list(ActBlocks.letterTexts(visas, act: act, authority: scheme.authority)),
            .paragraph("Elle repose sur les motifs de droit et de fait suivants."),
        ] + grounds(.letter).map { .paragraph($0) } + [
            .paragraph("Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."),
        ]
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

    /// The ground in law (the CRPA's article, quoted), in fact (the authority's statement),
    /// the time limit kept and the contradictory procedure, as « Considérant » or as a letter.
    private func grounds(_ style: ActParts.GroundsStyle) -> [Text] {
        let law = "aux termes \(articleCited) : « \(FrenchGrammar.withoutFinalStop(ground.quote)) »"
        var facts = [FrenchGrammar.clause(statement)]
        if ground.withinFourMonths {
            facts.append("\(FrenchGrammar.lowercasedFirst(ActBlocks.subject(act))) intervient dans le délai de quatre mois suivant la décision du \(decided.act.date.frenchLong)")
        }
        var texts: [Text]
        switch style {
        case .considering:
            texts = [Text("Considérant qu'\(law) ;")] + facts.map { Text("Considérant \(FrenchGrammar.that($0)) ;") }
        case .letter:
            texts = [Text(FrenchGrammar.capitalizedFirst(law) + ".")] + facts.enumerated().map { index, fact in
                Text(FrenchGrammar.sentenceEnd(index == 0 ? "Or, \(fact)" : FrenchGrammar.capitalizedFirst(fact)))
            }
        }
        if ground == .illegality || ground == .requestIllegality {
            let illegal = "\(decidedAct) est illégale"
            texts.append(Text(style == .considering ? "Considérant qu'il résulte de ce qui précède que \(illegal) ;" : "Il en résulte que \(illegal)."))
        }
        if let line = contradictoryProcedure(style) { texts.append(line) }
        return texts
    }

    /// « de l'article L. 242-1 du code … », « du 2° de l'article L. 242-2 du code … ».
    private var articleCited: String {
        let code = "du code des relations entre le public et l'administration"
        let parts = ground.article.split(separator: ", ", maxSplits: 1)
        return parts.count == 2 ? "du \(parts[1]) de l'\(parts[0]) \(code)" : "de l'\(ground.article) \(code)"
    }

    /// For an act on the authority's own initiative, the day the beneficiary was invited to
    /// present observations, or a bold line saying it is not known; nil on the beneficiary's request.
    private func contradictoryProcedure(_ style: ActParts.GroundsStyle) -> Text? {
        guard !ground.onBeneficiaryRequest else { return nil }
        let articles = "code des relations entre le public et l'administration, articles L. 121-1 et L. 122-1"
        guard let invited = observationsInvitedOn else {
            return .strong("Procédure contradictoire préalable non renseignée : le bénéficiaire doit avoir été mis à même de présenter ses observations avant que cette décision soit prise (\(articles)).")
        }
        let fact = "le bénéficiaire a été invité, le \(invited.frenchLong), à présenter ses observations sur la mesure envisagée (\(articles))"
        return Text(style == .considering ? "Considérant que \(fact) ;" : FrenchGrammar.capitalizedFirst(fact) + ".")
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
        return "\(body.name) a décidé \(effect.infinitive) \(decidedAct)\(replaced)\(fromNow)\(effect.consequence)"
    }

    /// The President's decision, in the words of the act itself: "La décision n° … est retirée."
    private var statementOfTheAct: String {
        let effect = effect
        let replaced = effect.replaces ? " par la présente décision" : ""
        let fromNow = effect.fromNow ? " à compter de la date de la présente décision" : ""
        return "\(FrenchGrammar.capitalizedFirst(decidedAct)) est \(effect.participle)\(replaced)\(fromNow)\(effect.consequence)"
    }
}

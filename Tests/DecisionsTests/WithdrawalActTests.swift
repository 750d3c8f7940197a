import Decisions
import ExactDecimal
import SchemeLanguage
import TestSupport
import Testing

/// The act that takes back a favourable decision: the deliberation of a body that votes, or
/// the President's own decision; the contradictory procedure when the authority acts on its own
/// initiative; the routes of appeal and the signature every act shares.
@Suite struct WithdrawalActTests {
    typealias Fixture = StageFixture
    let committee: WithdrawalAct
    let president: WithdrawalAct

    init() throws {
        let acts = Dictionary(uniqueKeysWithValues: try Fixture.goldenWithdrawals())
        committee = try #require(acts["PDESI-2020-001.retrait"])
        president = try #require(acts["FSL-2020-0201.retrait"])
    }

    static func euros(_ amount: Int) -> String { FrenchFormat.money(DecimalNumber(amount)) }

    /// The same act on another ground, amount or invitation.
    static func variant(_ act: WithdrawalAct, ground: WithdrawalGround, newAmount: DecimalNumber?, invited: LocalDate? = nil,
                        deployment: Deployment? = nil) -> WithdrawalAct {
        WithdrawalAct(scheme: act.scheme, application: act.application, decided: act.decided, ground: ground, statement: act.statement,
                      newAmount: newAmount, act: act.act, deployment: deployment ?? act.deployment, observationsInvitedOn: invited)
    }

    /// The routes of appeal of an act: from their heading to the signature block.
    static func routes(of markdown: String) -> String? {
        guard let start = markdown.range(of: "\n### Voies et délais de recours\n") else { return nil }
        let end = [markdown.range(of: "\n### ", range: start.upperBound..<markdown.endIndex), markdown.range(of: "\n## ", range: start.upperBound..<markdown.endIndex)]
            .compactMap { $0?.lowerBound }.min() ?? markdown.endIndex
        return markdown[start.upperBound..<end].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theCommissionsWithdrawalIsItsDeliberationNotified() {
        let markdown = committee.markdown()
        #expect(committee.document().title.hasPrefix("Décision de retrait partiel d'une aide"))
        #expect(markdown.contains("**Objet :** notification de la délibération n°\u{00A0}CP20210614-08 de la Commission permanente du Conseil départemental du 14 juin 2021"))
        #expect(markdown.contains("\nJ'ai l'honneur de vous notifier la délibération n°\u{00A0}CP20210614-08 du 14 juin 2021 par laquelle la Commission permanente du Conseil départemental a décidé de retirer en partie la délibération n°\u{00A0}CP20201130-15 de la Commission permanente du Conseil départemental du 30 novembre 2020 : le montant de l'aide est ramené de \(Self.euros(30_000)) à \(Self.euros(15_000)). Les sommes versées au-delà sont à reverser.\n"))
        #expect(!markdown.contains("\n- la délibération n°\u{00A0}CP20210614-08"), "the deliberation notified is not among its own texts")
        #expect(markdown.contains("\n- le code général des collectivités territoriales, notamment son article L. 3211-2\n"))
        #expect(!markdown.contains("Article 1") && !markdown.contains("décision n° CP"), "not worded as the signatory's own decision")
        #expect(markdown.contains("\n………………………, le ………………………\n\nPour le Président du Conseil départemental et par délégation,\\\nLa Vice-présidente chargée des sports,\\\n\\\n(signature)\\\n\\\nClaire Martin\n"))
    }

    @Test func thePresidentsWithdrawalIsHisOwnDecision() {
        let markdown = president.markdown()
        #expect(markdown.contains("\n## DÉCISION n°\u{00A0}FSL-2021-0033 du 20 janvier 2021\n"))
        #expect(markdown.contains("\n### Article 1er\n\nLa décision n°\u{00A0}FSL-2020-0412 du Président du Conseil départemental du 5 octobre 2020 est retirée. L'aide attribuée n'est pas due ; les sommes versées à ce titre sont à reverser.\n"))
        #expect(markdown.contains("\nVu le code général des collectivités territoriales, notamment son article L. 3221-12-1 ;\n"))
        #expect(!markdown.contains("L. 3211-2") && !markdown.contains("Par délibération"))
        #expect(markdown.contains("\nConsidérant que la présente décision intervient dans le délai de quatre mois suivant la décision du 5 octobre 2020 ;\n"))
        #expect(markdown.contains("\nFait à ………………………, le 20 janvier 2021\n\nLe Président du Conseil départemental,\\\n\\\n(signature)\\\n\\\nJean Durand\n"))
        #expect(!markdown.contains("par délégation,"), "the President signs in his own name")
    }

    /// On its own initiative, the authority must first have heard the beneficiary: the act says
    /// when the beneficiary was invited, or says in bold that no one said.
    @Test func theContradictoryProcedureIsStatedOrItsAbsenceShown() {
        let invited = committee.markdown()
        #expect(invited.contains("\nLe bénéficiaire a été invité, le 10 mai 2021, à présenter ses observations sur la mesure envisagée (code des relations entre le public et l'administration, articles L. 121-1 et L. 122-1).\n"))
        #expect(invited.contains("\n- le code des relations entre le public et l'administration, notamment ses articles L. 121-1, L. 122-1, L. 211-2, L. 211-5 et L. 242-2\n"))
        #expect(!invited.contains("non renseignée"))
        let missing = president.markdown()
        #expect(missing.contains("\n**Procédure contradictoire préalable non renseignée : le bénéficiaire doit avoir été mis à même de présenter ses observations avant que cette décision soit prise (code des relations entre le public et l'administration, articles L. 121-1 et L. 122-1).**\n"))
        #expect(missing.contains("notamment ses articles L. 121-1, L. 122-1, L. 211-2, L. 211-5 et L. 242-1 ;"))
        let abrogation = Self.variant(president, ground: .conditionNoLongerMet, newAmount: nil).markdown()
        #expect(abrogation.contains("Procédure contradictoire préalable non renseignée"))
        #expect(abrogation.contains("est abrogée à compter de la date de la présente décision."))
    }

    /// On the beneficiary's request, no contradictory procedure is due (CRPA L. 121-1); a more
    /// favourable decision needs no reasoning of an unfavourable one.
    @Test func onTheBeneficiarysRequestNoContradictoryProcedureIsDue() {
        let request = Self.variant(president, ground: .requestIllegality, newAmount: nil).markdown()
        #expect(!request.contains("Procédure contradictoire") && !request.contains("L. 121-1"))
        #expect(request.contains("notamment ses articles L. 211-2, L. 211-5 et L. 242-3 ;"))
        let raise = Self.variant(committee, ground: .requestMoreFavourable, newAmount: DecimalNumber(35_000)).markdown()
        #expect(raise.contains("\n- le code des relations entre le public et l'administration, notamment son article L. 242-4\n"))
        #expect(!raise.contains("Procédure contradictoire"))
        #expect(raise.contains("a décidé de remplacer la délibération n°\u{00A0}CP20201130-15 de la Commission permanente du Conseil départemental du 30 novembre 2020 par une décision plus favorable : le montant de l'aide est porté de \(Self.euros(30_000)) à \(Self.euros(35_000))."))
    }

    /// The routes of appeal are those of every act to the same beneficiary, word for word: for a
    /// commune, Télérecours (the routes by kind of beneficiary: MentionTests).
    @Test func theRoutesOfAppealAreThoseOfEveryAct() throws {
        let act = DecisionAct(body: .standingCommittee, reference: "CP20210614-08", date: Fixture.date("2021-06-14"))
        let award = MarkdownDecision.render(try Fixture.record("pdesi/01-wimereux-sentier-littoral.yaml", .decision(act, deployment: Fixture.deployment)))
        let withdrawal = committee.markdown()
        let routes = try #require(Self.routes(of: withdrawal))
        #expect(routes.contains("l'application « Télérecours » (www.telerecours.fr)"))
        #expect(Self.routes(of: award) == routes)
    }

    @Test func withoutSignatoryTheActSaysItCannotBeSigned() {
        let markdown = Self.variant(president, ground: .illegality, newAmount: nil, deployment: Deployment()).markdown()
        #expect(markdown.contains("\n**Signataire non renseigné (guichet.yaml) : cet acte ne peut être signé en l'état.**\n"))
        #expect(!markdown.contains("(signature)"))
    }
}

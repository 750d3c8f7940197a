import Decisions
import Evaluator
import ExactDecimal
import Foundation
import SchemeLanguage
import TestSupport
import Testing

/// Each stage's document says what it is: a simulation and a fiche are never worded as an
/// award, carry no signature and no routes of appeal; only the act of the competent body does,
/// signed by the deployment's signatory or saying plainly that none is known.
@Suite struct StageDocumentTests {
    typealias Fixture = StageFixture
    static let wimereux = "pdesi/01-wimereux-sentier-littoral.yaml"
    static let association = "pdesi/05-association-non-habilitee.yaml"
    static let montreuil = "pdesi/12-montreuil-incomplet.yaml"
    static let audruicq = "pdesi/13-audruicq-a-instruire.yaml"
    static let fsl = "logement/11-fsl-acces-personne-seule-aout.yaml"
    static let fruges = "medecins/01-fruges-rural.yaml"
    static let codeVisa = "le code général des collectivités territoriales"

    /// An amount as documents print it: "30 000,00 €" with its no-break spaces.
    static func euros(_ amount: Int) -> String { FrenchFormat.money(DecimalNumber(amount)) }

    func json(_ record: DecisionRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONDecision.render(record).utf8)) as? [String: Any])
    }

    func issuance(_ record: DecisionRecord) throws -> [String: Any] {
        try #require(try json(record)["issuance"] as? [String: Any])
    }

    /// Words and blocks only an act may carry.
    static let actOnly = ["Décision d'attribution", "Décision de rejet", "est accordée", "est attribuée", "a décidé",
                          "Voies et délais de recours", "Fait à ", "(signature)", "par délégation,", "Signataire", "\n- Vu "]

    // MARK: - Simulation

    @Test func aSimulationSaysOnItsFirstAndLastLinesThatItIsNotADecision() throws {
        let record = try Fixture.record(Self.wimereux, .simulation)
        let markdown = MarkdownDecision.render(record)
        let banner = "**Simulation — ce document n'est pas une décision.**"
        #expect(markdown.hasPrefix("> \(banner)\n"))
        #expect(markdown.components(separatedBy: banner).count == 3, "at the top and above the fingerprints")
        #expect(markdown.contains("## Simulation : demande d'aide au titre du dispositif « Aide à l'aménagement des Espaces, Sites et Itinéraires inscrits ou classés au P.D.E.S.I. »\n"))
        #expect(markdown.contains("paraît remplir les conditions du dispositif « Aide à l'aménagement des Espaces, Sites et Itinéraires inscrits ou classés au P.D.E.S.I. » : l'aide pourrait s'élever à **\(Self.euros(30_000))**."))
        #expect(markdown.contains("Seule une décision de la Commission permanente du Conseil départemental, prise après instruction de la demande, peut attribuer une aide."))
        for words in Self.actOnly { #expect(!markdown.contains(words), "\(words)") }
        let issuance = try issuance(record)
        #expect(issuance["stage"] as? String == "simulation")
        #expect(issuance["is_act"] as? Bool == false)
        #expect(issuance["notice"] as? String == "Simulation — ce document n'est pas une décision")
        #expect(try json(record)["amount_status"] as? String == "provisional", "a simulation grants nothing")
    }

    @Test func aRefusedSimulationIsWordedConditionally() throws {
        let markdown = MarkdownDecision.render(try Fixture.record(Self.association, .simulation))
        #expect(markdown.contains("ne paraît pas remplir les conditions du dispositif"))
        #expect(markdown.contains("## Conditions qui ne paraissent pas remplies\n"))
        // Criterion 1 is the period of application, which the association's file meets.
        #expect(markdown.contains("### Condition 1 : critère n°2 non rempli\n"))
        #expect(!markdown.contains("Motifs de la décision"))
        #expect(!markdown.contains("est **rejetée**"), "a simulation rejects nothing")
    }

    // MARK: - Instruction

    @Test func theFicheGivesTheAvisTheAmountProposedAndWhoDecides() throws {
        let record = try Fixture.record(Self.wimereux, Issuance(stage: .instruction, deployment: Fixture.deployment))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.hasPrefix("> **Fiche d'instruction — document de travail du service instructeur ; ce document n'est pas une décision.**\n"))
        #expect(markdown.contains("\n## Fiche d'instruction\n"))
        #expect(markdown.contains("\n## Avis de l'instructeur : favorable\n\nMontant proposé : **\(Self.euros(30_000))**.\n"))
        #expect(markdown.contains("\n- Décision : Commission permanente du Conseil départemental\n"))
        #expect(markdown.contains("\n- Service instructeur : Direction des sports (exemple) — 1 rue de l'Exemple, 62000 Arras ; sports@departement.example ; 03 21 00 00 00\n"))
        #expect(markdown.contains("\n## Calcul du montant\n"))
        #expect(markdown.contains("\n## Décisions antérieures prises en compte\n"), "the limits read")
        for words in Self.actOnly { #expect(!markdown.contains(words), "\(words)") }
        #expect(try json(record)["amount_status"] as? String == "proposed")
    }

    @Test(arguments: [(association, "défavorable", "Montant proposé : néant."),
                      (audruicq, "à instruire", "Montant proposé, sous réserve des points à instruire ci-dessous : **\(Self.euros(11_200))**.")])
    func theAvisFollowsTheOutcome(_ file: String, _ avis: String, _ amount: String) throws {
        let markdown = MarkdownDecision.render(try Fixture.record(file, Issuance(stage: .instruction)))
        #expect(markdown.contains("\n## Avis de l'instructeur : \(avis)\n\n\(amount)"))
        for words in Self.actOnly { #expect(!markdown.contains(words), "\(words)") }
    }

    @Test func theFactsToConfirmAreListedForTheInstructor() throws {
        let markdown = MarkdownDecision.render(try Fixture.record(Self.audruicq, Issuance(stage: .instruction)))
        // First the participation of the maître d'ouvrage its financing plan shows under 20 %, then the declarations.
        #expect(markdown.contains("\n## Points à instruire\n\n- Appréciation du critère n°10 : Le maître d'ouvrage public apporte au moins 20"))
        #expect(markdown.contains("\n- Confirmation de la déclaration du demandeur : « Le propriétaire du site a validé le projet d'aménagement. » (`projet.validation_proprietaire`)"))
    }

    @Test func aFicheSaysWhenTheSchemeDoesNotSayWhoDecides() throws {
        let markdown = MarkdownDecision.render(try Fixture.record(Self.wimereux, decidedBy: nil, Issuance(stage: .instruction)))
        #expect(markdown.contains("\n- Décision : autorité compétente non précisée par le dispositif\n"))
        #expect(markdown.contains("\n- Service instructeur : **non renseigné (guichet.yaml, service)**\n"),
                "a service guichet.yaml does not name is said to be missing, never left out")
    }

    @Test func anIncompleteFileIsARequestForPiecesFromTheServiceNotADecision() throws {
        for stage in [Stage.instruction, .decision] {
            let record = try Fixture.record(Self.montreuil, Issuance(stage: stage, act: Fixture.sitting, deployment: Fixture.deployment))
            let markdown = MarkdownDecision.render(record)
            #expect(markdown.contains("\n> **Demande de pièces du service instructeur — ce courrier n'est pas une décision.**\n"))
            #expect(markdown.contains("**Objet :** demande de pièces et d'informations complémentaires — dispositif"))
            // A commune is no « public » of the CRPA: the deadline without L. 114-5 (tested per kind in MentionTests).
            #expect(markdown.contains("\nCes éléments sont à transmettre au service instructeur (Direction des sports (exemple) — 1 rue de l'Exemple, 62000 Arras ; sports@departement.example ; 03 21 00 00 00) dans un délai de 30 jours à compter de la réception du présent courrier.\n"))
            #expect(!markdown.contains("L. 114-5"), "a commune is no « public »: the article is not cited")
            #expect(!markdown.contains("………"), "no deadline is left blank")
            #expect(markdown.contains("\nDirection des sports (exemple) — 1 rue de l'Exemple"))
            #expect(markdown.contains("\nAffaire suivie par : Paul Lefebvre, chargé de mission sports de nature\n"))
            #expect(markdown.contains("2. Pièce justificative : Accord écrit du propriétaire validant le projet d'aménagement\n"))
            #expect(!markdown.contains("`"), "a letter to the applicant names nothing by its id in the rules")
            for words in Self.actOnly { #expect(!markdown.contains(words), "\(stage): \(words)") }
            #expect(try issuance(record)["is_act"] as? Bool == false)
        }
    }

    /// The President does not vote: what is put to him awaits his decision.
    @Test func aProposalToThePresidentIsPutToHisDecisionNotToAVote() throws {
        let record = try Fixture.record(Self.fruges, scheme: "medecins-salaries", decidedBy: .presidentByDelegation,
                                        Issuance(stage: .proposal, act: Fixture.committee))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.hasPrefix("> **Projet — soumis à la décision du Président du Conseil départemental ; ce document n'est pas une décision.**\n"))
        #expect(!markdown.contains("soumis au vote"))
        #expect(try issuance(record)["notice"] as? String == "Projet — soumis à la décision du Président du Conseil départemental ; ce document n'est pas une décision")
    }

    @Test func aProposalNamesTheSittingItGoesTo() throws {
        let record = try Fixture.record(Self.wimereux, Issuance(stage: .proposal, act: Fixture.sitting))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.hasPrefix("> **Projet — soumis au vote de la Commission permanente du Conseil départemental ; ce document n'est pas une décision.**\n"))
        #expect(markdown.contains("\n## Fiche d'instruction : proposition soumise à la Commission permanente du Conseil départemental\n"))
        #expect(markdown.contains("\n- Proposition soumise à la Commission permanente du Conseil départemental, séance du 30 novembre 2020 (référence CP20201130-15)\n"))
        for words in Self.actOnly { #expect(!markdown.contains(words), "\(words)") }
    }

    /// Whatever the sample and the stage before the decision, no document reads as an award;
    /// at the decision stage, a file still to examine is not an act either.
    @Test(arguments: [Stage.simulation, .instruction, .proposal, .decision])
    func nothingBeforeTheDecisionReadsAsAnAward(_ stage: Stage) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Applications/pdesi")).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 15)
        // 14-lot-novembre.yaml holds several applications; the others, one each.
        for file in files where !file.hasPrefix("14-") {
            let record = try Fixture.record("pdesi/\(file)", Issuance(stage: stage, act: Fixture.sitting, deployment: Fixture.deployment))
            guard stage != .decision || record.outcome == .toExamine else { continue }
            let markdown = MarkdownDecision.render(record)
            for words in Self.actOnly { #expect(!markdown.contains(words), "\(file) at \(stage): \(words)") }
            #expect(markdown.contains("n'est pas une décision."), "\(file) at \(stage)")
            #expect(try issuance(record)["is_act"] as? Bool == false)
            #expect(try json(record)["amount_status"] as? String != "granted")
        }
    }

    // MARK: - Decision and notification

    @Test func aDecisionOfTheCommissionIsTheNotificationOfItsDeliberation() throws {
        let record = try Fixture.record(Self.wimereux, Issuance(stage: .decision, act: Fixture.sitting, proposedAmount: DecimalNumber(35_000),
                                                               deployment: Fixture.deployment))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.hasPrefix("# Département du Pas-de-Calais\n"), "an act has no banner")
        #expect(!markdown.contains("n'est pas une décision"))
        #expect(markdown.contains("**Objet :** notification de la délibération n°\u{00A0}CP20201130-15 de la Commission permanente du Conseil départemental du 30 novembre 2020"))
        #expect(markdown.contains("\n- le code général des collectivités territoriales, notamment son article L. 3211-2\n"))
        #expect(!markdown.contains("\n- la délibération n°\u{00A0}CP20201130-15"), "the deliberation notified is not among its own texts")
        #expect(markdown.contains("J'ai l'honneur de vous notifier la délibération n°\u{00A0}CP20201130-15 du 30 novembre 2020 par laquelle la Commission permanente du Conseil départemental a décidé d'attribuer à la Commune de Wimereux une aide d'un montant de **\(Self.euros(30_000))** au titre du dispositif"))
        #expect(markdown.contains("\nLa Commission permanente du Conseil départemental a modifié le montant qui lui était proposé, le ramenant de \(Self.euros(35_000)) à \(Self.euros(30_000)).\n"))
        #expect(markdown.contains("\n### Voies et délais de recours\n\nCette décision peut faire l'objet d'un recours contentieux devant le tribunal administratif de Lille"),
                "a commune is an administration: the routes of appeal written for it")
        #expect(markdown.contains("\n………………………, le ………………………\n\nPour le Président du Conseil départemental et par délégation,\\\nLa Vice-présidente chargée des sports,\\\n\\\n(signature)\\\n\\\nClaire Martin\n"),
                "a letter is dated as a letter, not « Fait à » as an act")
        #expect(markdown.contains("\n## Annexe — Examen de la demande "))
        let json = try json(record)
        let issuance = try #require(json["issuance"] as? [String: Any])
        let act = try #require(issuance["act"] as? [String: Any])
        #expect(issuance["is_act"] as? Bool == true)
        #expect(issuance["notice"] is NSNull)
        #expect(issuance["proposed_amount"] as? String == "35000.00")
        #expect(act["body"] as? String == "commission-permanente" && act["reference"] as? String == "CP20201130-15" && act["date"] as? String == "2020-11-30")
        #expect(json["amount_status"] as? String == "granted")
    }

    @Test(arguments: [(30_000, nil), (25_000, "le portant de \(Self.euros(25_000)) à \(Self.euros(30_000)).")] as [(Int, String?)])
    func theAmendmentIsStatedOnlyWhenTheBodyChangedTheAmount(_ proposed: Int, _ sentence: String?) throws {
        let record = try Fixture.record(Self.wimereux, Issuance(stage: .decision, act: Fixture.sitting, proposedAmount: DecimalNumber(proposed)))
        let markdown = MarkdownDecision.render(record)
        if let sentence {
            #expect(markdown.contains("a modifié le montant qui lui était proposé, \(sentence)"))
        } else {
            #expect(!markdown.contains("a modifié le montant"))
        }
    }

    /// In the President's own decision an article says what is decided: a changed amount is a
    /// ground (« Considérant qu'il y a lieu de ramener … »), never told in Article 1er.
    @Test func thePresidentsChangeOfTheAmountIsAGroundNotAnArticle() throws {
        let act = DecisionAct(body: .presidentByDelegation, reference: "FSL-2020-0412", date: Fixture.date("2020-10-05"))
        let scheme = try Fixture.scheme("fsl-acces", decidedBy: .presidentByDelegation, source: "delegation-fsl")
        let issuance = Issuance.decision(act, proposedAmount: DecimalNumber(900), deployment: Fixture.president)
        let record = DecisionRecord(try Fixture.evaluate(Self.fsl, scheme: scheme), issuance: issuance, awarded: .some(DecimalNumber(700)))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.contains("\nConsidérant qu'il y a lieu de ramener de \(Self.euros(900)) à \(Self.euros(700)) le montant de l'aide qui était proposé ;\n"))
        let article = try #require(markdown.range(of: "### Article 1er"))
        #expect(!markdown[article.upperBound...].contains("a modifié le montant"))
    }

    @Test func aRefusalWithoutSignatoryNamesNoOne() throws {
        let record = try Fixture.record(Self.association, Issuance(stage: .decision, act: Fixture.sitting))
        let markdown = MarkdownDecision.render(record)
        #expect(record.documentTitle == "Décision de rejet d'une demande d'aide")
        #expect(markdown.contains("la Commission permanente du Conseil départemental a décidé de **rejeter** la demande présentée par l'Association Les Randonneurs de l'Audomarois"))
        #expect(markdown.contains("\n- le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5\n"))
        #expect(markdown.contains("\nElle repose sur les motifs de droit et de fait suivants.\n\nAux termes de l'article 2 de la délibération"))
        #expect(markdown.contains("\n### Voies et délais de recours\n"))
        #expect(markdown.contains("\n**Signataire non renseigné (guichet.yaml) : cet acte ne peut être signé en l'état.**\n"))
        #expect(!markdown.contains("(signature)") && !markdown.contains("par délégation,"))
    }

    /// The body amended the amount: the table shows the amount computed and the amount voted,
    /// each named as such, never the amendment as a rounding.
    @Test func anAmendedAmountIsShownAsVotedNotAsARounding() throws {
        let evaluation = try Fixture.evaluate(Self.wimereux, scheme: try Fixture.scheme("pdesi", decidedBy: .standingCommittee))
        let issuance = Issuance.decision(Fixture.sitting, proposedAmount: DecimalNumber(30_000), deployment: Fixture.deployment)
        let record = DecisionRecord(evaluation, issuance: issuance, awarded: .some(DecimalNumber(25_000)))
        #expect(record.amount == DecimalNumber(25_000) && record.computedAmount == DecimalNumber(30_000))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.contains("| Montant calculé | Arrondi au centime le plus proche, la moitié étant arrondie à la valeur supérieure | \(Self.euros(30_000)) |\n"))
        #expect(markdown.contains("| **Montant voté par la Commission permanente du Conseil départemental** | — | **\(Self.euros(25_000))** |\n"))
        #expect(!markdown.contains("avant arrondi") && !markdown.contains("Montant retenu"))
        #expect(markdown.contains("le ramenant de \(Self.euros(30_000)) à \(Self.euros(25_000))."))
        #expect(markdown.contains("une aide d'un montant de **\(Self.euros(25_000))**"))
        let unamended = MarkdownDecision.render(DecisionRecord(evaluation, issuance: issuance))
        #expect(unamended.contains("| **Montant retenu** | Arrondi au centime le plus proche, la moitié étant arrondie à la valeur supérieure | **\(Self.euros(30_000))** |\n"))
        #expect(!unamended.contains("Montant voté") && !unamended.contains("Montant calculé"))
    }

    @Test func anActWithoutItsReferenceSaysSo() throws {
        let markdown = MarkdownDecision.render(try Fixture.record(Self.wimereux, Issuance(stage: .decision)))
        #expect(markdown.contains("\n## DÉCISION (numéro et date non renseignés)\n"))
    }

    @Test func aNotifiedDecisionOfThePresidentIsHisOwnActWithItsNotificationDate() throws {
        let act = DecisionAct(body: .presidentByDelegation, reference: "FSL-2020-0412", date: Fixture.date("2020-10-05"))
        let record = try Fixture.record(Self.fsl, scheme: "fsl-acces", decidedBy: .presidentByDelegation,
                                        Issuance(stage: .notified, act: act, notifiedOn: Fixture.date("2020-10-08"), deployment: Fixture.president))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.contains("\nUne aide d'un montant de **\(Self.euros(775))** est attribuée à Sandrine Petit au titre du dispositif"))
        #expect(!markdown.contains("Par délibération"))
        #expect(markdown.contains("\n## DÉCISION n°\u{00A0}FSL-2020-0412 du 5 octobre 2020\n"))
        #expect(markdown.contains("| Notifiée le | 8 octobre 2020 |"))
        #expect(markdown.contains("\n### Article 1er\n\nUne aide d'un montant de"))
        #expect(markdown.contains("\nLa présente décision peut faire l'objet"))
        #expect(markdown.contains("\nFait à ………………………, le 5 octobre 2020\n\nLe Président du Conseil départemental,\\\n\\\n(signature)\\\n\\\nJean Durand\n"))
        #expect(!markdown.contains("par délégation,"), "the President signs in his own name")
        let issuance = try issuance(record)
        #expect(issuance["stage"] as? String == "notified" && issuance["stage_name"] as? String == "notifiée")
        #expect(issuance["notified_on"] as? String == "2020-10-08")
        #expect(try json(record)["scheme"].flatMap { $0 as? [String: Any] }?["decided_by"].flatMap { $0 as? [String: Any] }?["body"] as? String == "président-par-délégation")
    }

    /// The article of the CGCT printed in an act is the one the scheme states for its deciding
    /// body, and only in that body's acts: L. 3211-2 for the Commission permanente (PDESI),
    /// L. 3221-12-1 for the President's FSL delegation; none for the GP call, where the President
    /// carries out deliberation 2020-310, nor for the funds beside the FSL.
    @Test(arguments: [
        (wimereux, "pdesi", DecidingBody.standingCommittee, nil, "L. 3211-2"),
        (fsl, "fsl-acces", .presidentByDelegation, "delegation-fsl", "L. 3221-12-1"),
        (fruges, "medecins-salaries", .presidentByDelegation, "mise-en-oeuvre", nil),
        ("logement/15-dettes-loyer-accompagnement-renforce.yaml", "fonds-dettes-loyer", .presidentByDelegation, "delegation-fsl", nil),
        (wimereux, "pdesi", .presidentByDelegation, nil, nil),
    ] as [(String, String, DecidingBody, String?, String?)])
    func theCodeArticleIsTheDecidingBodysOwn(_ file: String, _ id: String, _ body: DecidingBody, _ source: String?, _ article: String?) throws {
        let scheme = try Fixture.scheme(id, decidedBy: body, source: source)
        let act = DecisionAct(body: body, reference: "X-1", date: Fixture.date("2020-12-14"))
        let record = DecisionRecord(try Fixture.evaluate(file, scheme: scheme), issuance: .decision(act, deployment: Fixture.president))
        #expect(record.document == .act, "\(file): \(record.outcome)")
        let markdown = MarkdownDecision.render(record)
        if let article {
            let visa = "\(Self.codeVisa), notamment son article \(article)"
            #expect(markdown.contains("\nVu \(visa) ;\n") || markdown.contains("\n- \(visa)\n"))
            #expect(markdown.components(separatedBy: Self.codeVisa).count == 2, "one article, the body's own")
        } else {
            #expect(!markdown.contains(Self.codeVisa), "\(id), \(body)")
        }
    }

    @Test func theGPCallCitesTheDeliberationThePresidentCarriesOut() throws {
        let scheme = try Fixture.scheme("medecins-salaries", decidedBy: .presidentByDelegation, source: "mise-en-oeuvre")
        let act = DecisionAct(body: .presidentByDelegation, reference: "ARR-2020-77", date: Fixture.date("2020-11-25"))
        let markdown = MarkdownDecision.render(DecisionRecord(try Fixture.evaluate(Self.fruges, scheme: scheme), issuance: .decision(act, deployment: Fixture.president)))
        #expect(markdown.contains("\nVu la délibération n°2020-310 du Conseil départemental du 28 septembre 2020, notamment son article 2, qui confie la décision au Président du Conseil départemental ;\n"))
        #expect(markdown.components(separatedBy: "Vu la délibération n°2020-310").count == 2, "the deliberation is one visa")
        #expect(!markdown.contains("Vu le rapport"), "a report is no act")
    }

    /// The text that gives the body its power is cited as such when the scheme names it.
    @Test func theDelegationTextIsCitedWhenTheSchemeNamesIt() throws {
        let scheme = try Load.scheme(DemoScheme.text()).deciding(.standingCommittee, source: "delib")
        let application = DemoScheme.application("a: true, b: true, c: true, base: 100 €", extra: "confirmed: all\nfindings: {manuel: {satisfied: true}}")
        let evaluation = try Load.evaluate(application, scheme: scheme)
        #expect(evaluation.outcome == .favorable)
        let act = MarkdownDecision.render(DecisionRecord(evaluation, issuance: Issuance(stage: .decision, act: Fixture.sitting)))
        #expect(act.contains("\n- la délibération n°2020-999 du 28 septembre 2020, article 1, qui confie la décision à la Commission permanente du Conseil départemental\n"))
        let fiche = MarkdownDecision.render(DecisionRecord(evaluation, issuance: Issuance(stage: .instruction)))
        #expect(fiche.contains("\n- Décision : Commission permanente du Conseil départemental (Délibération n°2020-999 du 28 septembre 2020, article 1, lignes 1 à 2)\n"))
    }

    @Test func theIssuancesOfEachStageCarryWhatTheStageAdds() {
        let act = Fixture.sitting
        let notified = Issuance.notified(act, on: Fixture.date("2020-12-04"), proposedAmount: DecimalNumber(10), deployment: Fixture.deployment)
        #expect(notified.stage == .notified && notified.act == act && notified.notifiedOn == Fixture.date("2020-12-04"))
        #expect(notified.referenceDate == act.date && notified.proposedAmount == DecimalNumber(10) && notified.deployment == Fixture.deployment)
        #expect(Issuance.decision(act, deployment: Deployment()).stage == .decision)
        #expect(Issuance.proposal(to: act, deployment: Deployment()).act == act)
        #expect(Issuance.instruction(on: Fixture.date("2020-11-16"), deployment: Deployment()).referenceDate == Fixture.date("2020-11-16"))
    }

    @Test func theBodiesAreNamedInOnePlace() {
        let authority = Authority(name: "Département du Pas-de-Calais", signatory: "Le Président du Conseil départemental", court: "tribunal", courtAddress: nil)
        #expect(BodyName(.standingCommittee, authority: authority).name == "la Commission permanente du Conseil départemental")
        #expect(BodyName(.assembly, authority: authority).toBody == "au Conseil départemental")
        #expect(BodyName(.presidentByDelegation, authority: authority).name == "le Président du Conseil départemental")
        #expect(BodyName(.standingCommittee, authority: authority).bare == "Commission permanente du Conseil départemental")
        #expect(BodyName(.standingCommittee, authority: authority).proposalNotice == "Projet — soumis au vote de la Commission permanente du Conseil départemental ; ce document n'est pas une décision")
        #expect(BodyName(.presidentByDelegation, authority: authority).proposalNotice == "Projet — soumis à la décision du Président du Conseil départemental ; ce document n'est pas une décision")
    }
}

import Decisions
import ExactDecimal
import Foundation
import Platform
import SchemeLanguage
import TestSupport
import Testing

/// The mentions the law requires, from the rules folder's `mentions.yaml` and guichet.yaml: the
/// routes of appeal that fit the beneficiary, the deadline of a request for pieces, the
/// algorithmic processing in every act, the notice on personal data, each also in the JSON.
@Suite struct MentionTests {
    typealias Fixture = StageFixture

    static let wimereux = "pdesi/01-wimereux-sentier-littoral.yaml"
    static let deuxCaps = "pdesi/02-deux-caps-velo-route.yaml"
    static let association = "pdesi/05-association-non-habilitee.yaml"
    static let montreuil = "pdesi/12-montreuil-incomplet.yaml"
    static let petit = "logement/11-fsl-acces-personne-seule-aout.yaml"
    static let garnier = "logement/17-dettes-loyer-incomplet.yaml"

    /// The President's act on an FSL aid to a person.
    static func housingAct(_ deployment: Deployment = Fixture.deployment) throws -> DecisionRecord {
        try Fixture.record(petit, scheme: "fsl-acces", decidedBy: .presidentByDelegation, .decision(Fixture.fslAct, deployment: deployment))
    }

    /// The Commission permanente's act on a PDESI file.
    static func pdesiAct(_ file: String) throws -> DecisionRecord {
        try Fixture.record(file, .decision(Fixture.sitting, deployment: Fixture.deployment))
    }

    /// A document's section, from its heading to the next heading or rule.
    static func section(_ title: String, of markdown: String) -> String? {
        guard let start = markdown.range(of: "\n## \(title)\n") ?? markdown.range(of: "\n### \(title)\n") else { return nil }
        let rest = markdown[start.upperBound...]
        let end = [rest.range(of: "\n## "), rest.range(of: "\n### "), rest.range(of: "\nFait à "), rest.range(of: "\n---\n")]
            .compactMap { $0?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    static func jsonMentions(_ record: DecisionRecord) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONDecision.render(record).utf8)) as? [String: Any])
        return try #require(json["mentions"] as? [[String: Any]])
    }

    // MARK: - Routes of appeal, by kind of beneficiary

    @Test func aPersonMaySeizeTheCourtThroughTelerecoursCitoyens() throws {
        let routes = try #require(Self.section("Voies et délais de recours", of: MarkdownDecision.render(try Self.housingAct())))
        #expect(routes.contains("La présente décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux auprès du Président du Conseil départemental ou d'un recours contentieux devant le tribunal administratif de Lille (5 rue Geoffroy Saint-Hilaire, CS 62039, 59014 Lille Cedex)."))
        #expect(routes.contains("l'application « Télérecours citoyens » accessible sur le site www.telerecours.fr."))
        #expect(routes.contains("le silence gardé pendant deux mois sur le recours gracieux vaut décision de rejet."))
        #expect(!routes.contains("R. 414-1"), "a person is not told of the professionals' application")
    }

    @Test func anAssociationMayUseTelerecoursCitoyensUnlessItRunsAPublicService() throws {
        let routes = try #require(Self.section("Voies et délais de recours", of: MarkdownDecision.render(try Self.pdesiAct(Self.association))))
        #expect(routes.hasPrefix("\nCette décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux"))
        #expect(routes.contains("« Télérecours citoyens »"))
        #expect(routes.contains("une personne morale chargée de la gestion permanente d'un service public, ou représentée par un avocat, le saisit par l'application « Télérecours » (article R. 414-1 du code de justice administrative)."))
        #expect(routes.contains("vaut décision de rejet"), "an association is « public »: the CRPA's rule on silence applies")
    }

    @Test(arguments: [wimereux, deuxCaps])
    func aCommuneOrAnEPCIUsesTelerecoursAndIsToldNoRuleWrittenForThePublic(_ file: String) throws {
        let routes = try #require(Self.section("Voies et délais de recours", of: MarkdownDecision.render(try Self.pdesiAct(file))))
        #expect(routes.hasPrefix("\nCette décision peut faire l'objet d'un recours contentieux devant le tribunal administratif de Lille (5 rue Geoffroy Saint-Hilaire, CS 62039, 59014 Lille Cedex) dans un délai de deux mois à compter de sa notification."))
        #expect(routes.contains("La requête est adressée au tribunal par l'application « Télérecours » (www.telerecours.fr) ; ce mode de transmission est obligatoire, à peine d'irrecevabilité, pour une personne morale de droit public autre qu'une commune de moins de 3 500 habitants"))
        #expect(routes.contains("d'un recours gracieux auprès du Président du Conseil départemental, qui interrompt le délai du recours contentieux"))
        #expect(!routes.contains("Télérecours citoyens"), "Télérecours citoyens is for persons and private bodies")
        #expect(!routes.contains("silence"), "the CRPA's rule on silence is written for the public, not for an administration")
    }

    @Test func theJSONCarriesTheRoutesPrinted() throws {
        let record = try Self.pdesiAct(Self.wimereux)
        let routes = try #require(try Self.jsonMentions(record).first { $0["id"] as? String == "voies-de-recours" })
        let text = try #require(routes["text"] as? String)
        #expect(routes["title"] as? String == "Voies et délais de recours")
        #expect((routes["missing"] as? [Any])?.isEmpty == true)
        #expect(MarkdownDecision.render(record).contains("\n### Voies et délais de recours\n\n\(text)\n\n"), "the same words in both files")
    }

    /// A withdrawal takes the routes that fit its beneficiary too.
    @Test func aWithdrawalGivesTheRoutesOfItsBeneficiary() throws {
        let acts = Dictionary(uniqueKeysWithValues: try Fixture.goldenWithdrawals())
        let commune = try #require(acts["PDESI-2020-001.retrait"]).markdown()
        let person = try #require(acts["FSL-2020-0201.retrait"]).markdown()
        #expect(commune.contains("l'application « Télérecours » (www.telerecours.fr)") && !commune.contains("Télérecours citoyens"))
        #expect(person.contains("« Télérecours citoyens »"))
        #expect(person.contains("\n### Protection des données personnelles\n") && !commune.contains("Protection des données personnelles"))
    }

    /// A legal person whose kind does not say whether it is public or private gets no route
    /// chosen at random: the act says that it cannot be completed as it stands.
    @Test func aLegalPersonOfUnknownNatureGetsNoRouteChosenAtRandom() throws {
        let acts = Dictionary(uniqueKeysWithValues: try Fixture.goldenWithdrawals())
        let act = try #require(acts["PDESI-2020-001.retrait"])
        let original = act.application
        let applicant = Application.Applicant(name: "Syndicat des sentiers", kind: "syndicat", address: nil, siret: "12345678900011")
        let application = Application(id: original.id, schemeID: original.schemeID, filed: original.filed, applicant: applicant,
                                      subject: original.subject, facts: original.facts, pieces: original.pieces,
                                      confirmed: original.confirmed, findings: original.findings, mark: original.mark)
        let markdown = WithdrawalAct(scheme: act.scheme, application: application, decided: act.decided, ground: act.ground,
                                     statement: act.statement, newAmount: act.newAmount, act: act.act, deployment: act.deployment,
                                     observationsInvitedOn: act.observationsInvitedOn).markdown()
        let routes = try #require(Self.section("Voies et délais de recours", of: markdown))
        #expect(routes.contains("La nature du demandeur (« syndicat ») ne permet pas de choisir les voies et délais de recours qui lui sont ouverts"))
        #expect(routes.contains("**Mention à compléter avant tout envoi : nature du demandeur"))
        #expect(!routes.contains("Télérecours"))
    }

    // MARK: - Request for pieces (CRPA L. 114-5)

    @Test func aRequestForPiecesToAPersonGivesTheDeadlineAndItsConsequences() throws {
        let record = try Fixture.record(Self.garnier, scheme: "fonds-dettes-loyer", decidedBy: .presidentByDelegation,
                                        .instruction(on: Fixture.date("2020-11-16"), deployment: Fixture.deployment))
        #expect(record.document == .requestForPieces)
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.contains("\nEn application de l'article L. 114-5 du code des relations entre le public et l'administration, ces éléments sont à transmettre au service instructeur (Direction des sports (exemple) — 1 rue de l'Exemple, 62000 Arras ; sports@departement.example ; 03 21 00 00 00) dans un délai de 30 jours à compter de la réception du présent courrier.\n"))
        #expect(markdown.contains("\nÀ défaut de leur réception dans ce délai, la demande sera examinée en l'état du dossier"))
        #expect(markdown.contains("est suspendu pendant le délai imparti pour produire ces éléments"))
        #expect(!markdown.contains("………"), "the deadline is never left blank")
        #expect(markdown.contains("\nAffaire suivie par : Paul Lefebvre, chargé de mission sports de nature\n"), "CRPA L. 111-2")
        #expect(markdown.contains("\n### Protection des données personnelles\n"), "a letter to a person carries the notice")
        let ids = try Self.jsonMentions(record).compactMap { $0["id"] as? String }
        #expect(ids == ["service-instructeur", "delai-pieces", "donnees-personnelles"])
    }

    /// The deadline is the scheme's own when mentions.yaml gives one.
    @Test func aSchemeMayGiveItsOwnDeadline() throws {
        let rules = try String(contentsOfFile: Repository.path("Rules/mentions.yaml"), encoding: .utf8)
            .replacing("  fonds-dettes-loyer:\n    personal_data: true", with: "  fonds-dettes-loyer:\n    personal_data: true\n    pieces_deadline_days: 45")
        let mentions = try #require(MentionsLoader.load(text: rules, file: "mentions.yaml").mentions)
        let scheme = try Fixture.scheme("fonds-dettes-loyer", decidedBy: .presidentByDelegation).with(mentions: mentions)
        let record = DecisionRecord(try Fixture.evaluate(Self.garnier, scheme: scheme), issuance: .instruction(on: nil, deployment: Fixture.deployment))
        #expect(MarkdownDecision.render(record).contains("dans un délai de 45 jours à compter de la réception du présent courrier."))
        let other = try Fixture.record(Self.montreuil, .instruction(on: nil, deployment: Fixture.deployment))
        #expect(MarkdownDecision.render(other).contains("dans un délai de 30 jours"), "the folder's deadline for the others")
    }

    // MARK: - Algorithmic processing (CRPA L. 311-3-1)

    @Test func everyActSaysItWasTakenOnTheBasisOfAnAlgorithmicProcessing() throws {
        let acts = [try Self.housingAct(), try Self.pdesiAct(Self.wimereux), try Self.pdesiAct(Self.association),
                    try Fixture.record(Self.petit, scheme: "fsl-acces", decidedBy: .presidentByDelegation,
                                       .notified(Fixture.fslAct, on: Fixture.date("2020-10-08"), deployment: Fixture.president)),
                    try Fixture.record("medecins/06-association-calais.yaml", scheme: "medecins-salaries", decidedBy: .presidentByDelegation,
                                       .decision(Fixture.committee, deployment: Fixture.president))]
        for record in acts {
            #expect(record.document == .act)
            let mention = try #require(Self.section("Traitement algorithmique", of: MarkdownDecision.render(record)), "\(record.application.id)")
            #expect(mention.contains(" a été prise sur le fondement d'un traitement algorithmique (article L. 311-3-1 du code des relations entre le public et l'administration). Ce traitement a pour finalité d'appliquer à la demande les conditions d'éligibilité et les règles de calcul du dispositif « \(record.scheme.title) »"))
            #expect(mention.contains("L'intéressé a le droit d'obtenir la communication des règles définissant ce traitement et des principales caractéristiques de sa mise en œuvre"))
            #expect(mention.contains("La demande est adressée au service instructeur ("))
            #expect(mention.contains("la commission d'accès aux documents administratifs (CADA) peut alors être saisie"))
            #expect(try Self.jsonMentions(record).contains { $0["id"] as? String == "traitement-algorithmique" })
        }
    }

    @Test func aSimulationSaysItAsInformationAndAFicheNot() throws {
        let simulation = MarkdownDecision.render(try Fixture.record(Self.wimereux, .simulation))
        #expect(simulation.contains("\n## Traitement algorithmique\n\nÀ titre d'information : la décision qui sera prise sur cette demande le sera sur le fondement d'un traitement algorithmique"))
        let fiche = MarkdownDecision.render(try Fixture.record(Self.wimereux, .instruction(on: nil, deployment: Fixture.deployment)))
        #expect(!fiche.contains("Traitement algorithmique"))
    }

    // MARK: - Personal data (RGPD, article 13)

    @Test func aHousingActCarriesTheNoticeWithTheDataProtectionOfficer() throws {
        let record = try Self.housingAct()
        let notice = try #require(Self.section("Protection des données personnelles", of: MarkdownDecision.render(record)))
        #expect(notice.contains("traitées par le Département du Pas-de-Calais, responsable du traitement, pour instruire la demande présentée au titre du dispositif « Fonds de solidarité pour le logement"))
        #expect(notice.contains("Base juridique du traitement : l'exécution d'une mission d'intérêt public"))
        #expect(notice.contains("Destinataires des données : le maire et le centre communal ou intercommunal d'action sociale"))
        #expect(notice.contains("du délégué à la protection des données (dpd@departement.example)"))
        #expect(notice.contains("introduire une réclamation auprès de la Commission nationale de l'informatique et des libertés (CNIL, www.cnil.fr)"))
        // The retention is given by no text applied: said to be missing, never made up.
        #expect(notice.contains("Durée de conservation : non renseignée."))
        #expect(notice.contains("**Mention à compléter avant tout envoi : durée de conservation (mentions.yaml, schemes.fsl-acces.personal_data.retention).**"))
        let json = try #require(try Self.jsonMentions(record).first { $0["id"] as? String == "donnees-personnelles" })
        #expect(json["missing"] as? [String] == ["durée de conservation (mentions.yaml, schemes.fsl-acces.personal_data.retention)"])
    }

    @Test func withoutTheOfficerTheNoticeSaysItIsMissing() throws {
        let notice = try #require(Self.section("Protection des données personnelles", of: MarkdownDecision.render(try Self.housingAct(Fixture.president))))
        #expect(notice.contains("du délégué à la protection des données (non renseigné)"))
        #expect(notice.contains("contact du délégué à la protection des données (guichet.yaml, data_protection)"))
    }

    @Test func aPDESIActToACommuneCarriesNoNotice() throws {
        let record = try Self.pdesiAct(Self.wimereux)
        let markdown = MarkdownDecision.render(record)
        #expect(!markdown.contains("Protection des données personnelles"))
        #expect(!markdown.contains("délégué à la protection des données"))
        #expect(try !Self.jsonMentions(record).contains { $0["id"] as? String == "donnees-personnelles" })
    }

    // MARK: - Without mentions.yaml

    /// A scheme read without its rules folder's mentions: its act says what it lacks, in bold.
    @Test func withoutMentionsTheActSaysWhatItLacks() throws {
        let bare = try Fixture.scheme("pdesi", decidedBy: .standingCommittee).withoutMentions()
        let record = DecisionRecord(try Fixture.evaluate(Self.wimereux, scheme: bare), issuance: .decision(Fixture.sitting, deployment: Fixture.deployment))
        let markdown = MarkdownDecision.render(record)
        #expect(markdown.contains("\nLe dossier des règles ne comporte pas de fichier mentions.yaml : les voies et délais de recours ne peuvent être imprimés.\n"))
        #expect(markdown.contains("**Mention à compléter avant tout envoi : les voies et délais de recours (mentions.yaml).**"))
        #expect(!markdown.contains("Télérecours"))
    }
}

extension Scheme {
    /// The same scheme as if read on its own, without the mentions of its rules folder. Its
    /// fingerprint differs, as a real one would (the mentions enter it): documents worked out once
    /// per fingerprint must not take one scheme's mentions for the other's.
    func withoutMentions() -> Scheme {
        Scheme(id: id, title: title, kind: kind, family: family, authority: authority, decidedBy: decidedBy, inForce: inForce,
               sources: sources, pieces: pieces, inputs: inputs, parameters: parameters, criteria: criteria, amount: amount,
               limits: limits, schedule: schedule, notices: notices, selection: selection, interpretations: interpretations,
               tests: tests, references: references, file: file, rulesHash: SHA256.hex(of: Array("\(rulesHash) sans mentions".utf8)),
               financingPlan: financingPlan)
    }
}

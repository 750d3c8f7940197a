import Batch
import Decisions
import Evaluator
import ExactDecimal
import Foundation
import Register
import RuleSet
import SchemeLanguage
import TestSupport

/// Sample applications rendered at each stage of their life, for the stage tests and goldens.
///
/// The fixtures set who decides themselves (a body with no source, or none), whatever the rules
/// say, so that each document shows one case of the wording.
enum StageFixture {
    /// The PDESI envelope, which the text leaves unset, given its fictitious sample value.
    static let catalog = FictitiousParameters.rules()

    /// A fictitious deployment: a signatory who signs by delegation, an instructing service and
    /// its agent (CRPA L. 111-2), a data protection officer.
    static let deployment = Deployment(
        signatory: .init(firstName: "Claire", name: "Martin", title: "La Vice-présidente chargée des sports"),
        service: .init(name: "Direction des sports (exemple)", address: "1 rue de l'Exemple, 62000 Arras",
                       email: "sports@departement.example", phone: "03 21 00 00 00",
                       agent: .init(firstName: "Paul", name: "Lefebvre", title: "Chargé de mission sports de nature")),
        dataProtectionContact: "dpd@departement.example")

    /// The President signs himself: no « par délégation » line. No agent, no data protection
    /// officer: the documents say what is missing.
    static let president = Deployment(
        signatory: .init(firstName: "Jean", name: "Durand", title: "Le Président du Conseil départemental"),
        service: .init(name: "Service du fonds de solidarité pour le logement (exemple)"))

    static let sitting = DecisionAct(body: .standingCommittee, reference: "CP20201130-15", date: date("2020-11-30"))

    /// The GP call's laureates, put to the President once the selection committee has chosen.
    static let committee = DecisionAct(body: .presidentByDelegation, reference: "COMITE-2020-11-20", date: date("2020-11-20"))

    /// The President's act awarding an FSL aid, as the notified golden holds it.
    static let fslAct = DecisionAct(body: .presidentByDelegation, reference: "FSL-2020-0412", date: date("2020-10-05"))

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// A scheme of the rules folder, decided by `body`, or saying nothing of who decides.
    static func scheme(_ id: String, decidedBy body: DecidingBody?, source: String? = nil) throws -> Scheme {
        guard let scheme = catalog.schemes[id] else { throw FixtureError("no scheme \(id)") }
        return scheme.deciding(body, source: source)
    }

    /// One application file of `Applications/`, evaluated on its own (no earlier decision).
    static func evaluate(_ file: String, scheme: Scheme) throws -> Evaluation {
        let text = try String(contentsOfFile: Repository.path("Applications/\(file)"), encoding: .utf8)
        return try Load.evaluate(text, scheme: scheme)
    }

    static func record(_ file: String, scheme id: String = "pdesi", decidedBy body: DecidingBody? = .standingCommittee,
                       _ issuance: Issuance) throws -> DecisionRecord {
        DecisionRecord(try evaluate(file, scheme: try scheme(id, decidedBy: body)), issuance: issuance)
    }

    /// The call's applications of a folder, evaluated in filing order with a fresh register, then selected.
    static func selection(_ folder: String, scheme id: String) throws -> SelectionResult {
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil, register: try DecisionRegister.inMemory())
            .run(paths: [Repository.path("Applications/\(folder)")])
        let evaluations: [Evaluation] = report.entries.compactMap { entry in
            if case .decided(let evaluation) = entry.result, evaluation.scheme.id == id { return evaluation }
            return nil
        }
        guard let scheme = catalog.schemes[id], let selector = CallSelector(scheme: scheme) else { throw FixtureError("no call \(id)") }
        return try selector.select(evaluations)
    }

    /// The documents the stage goldens hold: name, record.
    static func goldenRecords() throws -> [(String, DecisionRecord)] {
        let instruction = Issuance(stage: .instruction, referenceDate: date("2020-11-16"), deployment: deployment)
        return [
            ("PDESI-2020-001.instruction", try record("pdesi/01-wimereux-sentier-littoral.yaml", instruction)),
            ("PDESI-2020-005.instruction", try record("pdesi/05-association-non-habilitee.yaml", Issuance(stage: .instruction))),
            ("PDESI-2020-012.instruction", try record("pdesi/12-montreuil-incomplet.yaml", instruction)),
            ("PDESI-2020-013.instruction", try record("pdesi/13-audruicq-a-instruire.yaml", decidedBy: nil, instruction)),
            ("PDESI-2020-001.proposal", try record("pdesi/01-wimereux-sentier-littoral.yaml",
                                                   Issuance(stage: .proposal, act: sitting, deployment: deployment))),
            ("PDESI-2020-001.decision", try record("pdesi/01-wimereux-sentier-littoral.yaml",
                                                   Issuance(stage: .decision, act: sitting, proposedAmount: DecimalNumber(35_000), deployment: deployment))),
            ("PDESI-2020-005.decision", try record("pdesi/05-association-non-habilitee.yaml", Issuance(stage: .decision, act: sitting))),
            ("FSL-2020-0201.notified", try record("logement/11-fsl-acces-personne-seule-aout.yaml", scheme: "fsl-acces",
                                                  decidedBy: .presidentByDelegation,
                                                  Issuance(stage: .notified, act: fslAct, notifiedOn: date("2020-10-08"), deployment: president))),
        ]
    }

    /// The withdrawal acts the stage goldens hold: the Commission permanente's deliberation
    /// withdrawing part of an aid whose conditions were not respected, after the beneficiary was
    /// invited to present observations; the President's decision withdrawing an illegal aid,
    /// the invitation not given.
    static func goldenWithdrawals() throws -> [(String, WithdrawalAct)] {
        let pdesi = try scheme("pdesi", decidedBy: .standingCommittee, source: "commission-permanente")
        let wimereux = try evaluate("pdesi/01-wimereux-sentier-littoral.yaml", scheme: pdesi).application
        let fsl = try scheme("fsl-acces", decidedBy: .presidentByDelegation, source: "delegation-fsl")
        let petit = try evaluate("logement/11-fsl-acces-personne-seule-aout.yaml", scheme: fsl).application
        return [
            ("PDESI-2020-001.retrait", WithdrawalAct(
                scheme: pdesi, application: wimereux,
                decided: .init(act: sitting, amount: DecimalNumber(30_000), notifiedOn: date("2020-12-07")),
                ground: .subsidyConditionsNotMet, statement: "Les travaux de balisage n'ont pas été réalisés sur la moitié du linéaire prévu",
                newAmount: DecimalNumber(15_000), act: DecisionAct(body: .standingCommittee, reference: "CP20210614-08", date: date("2021-06-14")),
                deployment: deployment, observationsInvitedOn: date("2021-05-10"))),
            ("FSL-2020-0201.retrait", WithdrawalAct(
                scheme: fsl, application: petit,
                decided: .init(act: fslAct, amount: DecimalNumber(775), notifiedOn: date("2020-10-08")),
                ground: .illegality, statement: "L'aide a été attribuée alors que la demandeuse avait déjà bénéficié du forfait mobilier pour le même logement",
                newAmount: nil, act: DecisionAct(body: .presidentByDelegation, reference: "FSL-2021-0033", date: date("2021-01-20")),
                deployment: president)),
        ]
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Scheme {
    /// The same scheme, decided by `body` on the delegation of its source `source`; the article
    /// of the CGCT the scheme states is kept for its own body only.
    func deciding(_ body: DecidingBody?, source: String?) -> Scheme {
        let article = body == decidedBy?.body ? decidedBy?.cgctArticle : nil
        return Scheme(id: id, title: title, kind: kind, family: family, authority: authority,
               decidedBy: body.map { DecisionAuthority(body: $0, source: source, cgctArticle: article) }, inForce: inForce, sources: sources, pieces: pieces,
               inputs: inputs, parameters: parameters, criteria: criteria, amount: amount, limits: limits, schedule: schedule,
               notices: notices, selection: selection, interpretations: interpretations, tests: tests, references: references,
               file: file, rulesHash: rulesHash, mentions: mentions, financingPlan: financingPlan)
    }
}

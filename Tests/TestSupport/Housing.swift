import Batch
import Evaluator
import Foundation
import RuleSet
import SchemeLanguage
import Testing
import YAMLReader

/// Housing applications written in a few lines, decided as a batch would decide them: for
/// the tests of schedules, per-month facts and overflows.
public protocol HousingCases {
    var catalog: SchemeCatalog { get }
}

/// The real rules folder's housing schemes, for suites that only need the helpers.
public struct HousingFixture: HousingCases {
    public let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    public init() {}
}

extension HousingCases {
    public func evaluate(_ text: String, decidedOn: LocalDate = DecisionDay.samples) throws -> [BatchEntry] {
        let runner = BatchRunner(catalog: catalog, referenceDate: decidedOn, output: nil)
        let document = try YAMLDocumentReader.singleDocument(text: text, file: "household.yaml")
        return runner.process(document)
    }

    /// A young person's application to the solvency fund; `person` is the young person's
    /// identifier, which the limit of months groups applications by.
    public func solvency(id: String = "T-1", person: String = "T-1", filed: String = "2020-10-15", birth: String = "2000-03-15",
                         first: String = "2020-11-01", months: Int, rent: String = "450 €",
                         charges: String = "50 €", apl: String = "270 €", extra: String = "") -> String {
        """
        scheme: fonds-solvabilisation
        id: \(id)
        filed: \(filed)
        applicant: {name: Test}
        facts:
          jeune: {identifiant: \(person), date_naissance: \(birth), parcours_ase_62: true, contrat_jeune_majeur: false, insertion_professionnelle: true}
          accompagnement: {necessaire: false}
          demande: {premier_mois: \(first), nombre_mois: \(months)}
          logement: {type: ordinaire, loyer: \(rent), charges: \(charges), apl: \(apl)}
          fsl: {intervention: impossible}
        \(extra)
        pieces: [piece-identite, quittance, attestation-caf, decision-fsl-loyer]
        confirmed: all
        findings: {ressources-insuffisantes: {satisfied: true}}
        """
    }

    public func schedule(_ entries: [BatchEntry]) throws -> ScheduleResult {
        guard case .decided(let evaluation) = entries.first?.result else {
            throw Failure("not decided: \(entries.first?.diagnostics ?? [])")
        }
        return try #require(evaluation.schedule)
    }
}

/// A test failure with its reason, for helpers that cannot use #require.
public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

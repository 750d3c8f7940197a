import ExactDecimal
import Portfolios
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// The generator's mix of applicants and its count of owners.
@Suite struct PortfolioShapeTests {
    func applications(_ generator: PortfolioGenerator, scheme: Scheme) throws -> [Application] {
        let reader = YAMLDocumentReader(text: generator.documents().joined(), file: "portefeuille.yaml")
        let decoder = ApplicationDecoder(scheme: scheme)
        var applications: [Application] = []
        while let document = try reader.nextDocument() { applications.append(try decoder.decode(document).get()) }
        return applications
    }

    @Test func applicantsFollowTheMixGiven() throws {
        let scheme = try Load.pdesi()
        let mix = try ApplicantMix.parse("commune=60, epci=30,association=10", for: scheme).get()
        let kinds = try applications(PortfolioGenerator(scheme: scheme, seed: 3, count: 2_000, mix: mix), scheme: scheme)
            .map { $0.applicant.kind ?? "" }
        let counted = Dictionary(grouping: kinds, by: { $0 }).mapValues(\.count)
        #expect(Set(counted.keys) == ["commune", "EPCI", "association"])
        // 1 200, 600 and 200 expected; a binomial draw of 2 000 stays well within 100 of each.
        #expect(abs((counted["commune"] ?? 0) - 1_200) < 100, "\(counted)")
        #expect(abs((counted["EPCI"] ?? 0) - 600) < 100, "\(counted)")
        #expect(abs((counted["association"] ?? 0) - 200) < 100, "\(counted)")
    }

    @Test func aMixTheSchemeDoesNotAdmitIsRefusedWithWhatItAdmits() throws {
        let scheme = try Load.pdesi()
        for (text, told) in [("personne=10", "n'admet pas « personne » (Particuliers) ; il admet : commune, epci, association"),
                             ("commune=60,mairie=40", "« mairie » n'est pas un genre de bénéficiaire"),
                             ("commune=0", "un poids entier positif"),
                             ("commune=1,commune=2", "« commune » est donné deux fois")] {
            guard case .failure(let problem) = ApplicantMix.parse(text, for: scheme) else {
                Issue.record("\(text) is accepted")
                continue
            }
            #expect(problem.description.contains(told), "\(problem)")
        }
    }

    /// Fewer owners, more files each: the owners' identifiers repeat as the count says.
    @Test func theOwnerCountBoundsTheOwnersIdentifiers() throws {
        let scheme = try Load.pdesi()
        let siren = try #require(scheme.inputs.firstIndex { $0.id == "porteur.siren" })
        func owners(_ count: Int?) throws -> Int {
            Set(try applications(PortfolioGenerator(scheme: scheme, seed: 5, count: 1_000, owners: count), scheme: scheme)
                .compactMap { $0.facts[siren] }.map { "\($0)" }).count
        }
        // Each test case's SIREN takes at most `owners` variants.
        let cases = Set(scheme.tests.compactMap { $0.application.facts[siren] }.map { "\($0)" }).count
        #expect(try owners(20) <= 20 * cases)
        #expect(try owners(nil) > 20 * cases, "by default, half as many owners as applications")
    }

    @Test func aBudgetSizesOnWhatIsAsked() {
        #expect(PortfolioCalibration.size(forBudget: DecimalNumber(1_000_000), pilotSize: 2_000, pilotDemand: DecimalNumber(4_000_000)) == 500)
        #expect(PortfolioCalibration.size(forBudget: DecimalNumber(1_000_000), pilotSize: 2_000, pilotDemand: .zero) == nil)
    }
}

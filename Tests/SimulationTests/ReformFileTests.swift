import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// Reform files that teach: errors show the form expected, dates read the French way too, a
/// reform that changes nothing says why, and `reform new` gives a file to start from.
@Suite struct ReformFileTests {
    let tests: SimulationTests

    init() throws {
        tests = try SimulationTests()
    }

    func reform(_ text: String) throws -> Reform {
        try ReformLoader.load(path: try tests.write(text, name: "reform.yaml"), schemes: tests.catalog.schemes).get()
    }

    @Test func aValueWithoutItsFieldShowsTheFormExpected() throws {
        let found = try tests.problems("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi:
                taux_inscrit: 60 %
            """)
        #expect(found == ["reform.yaml:5:19: erreur : attendu la nouvelle valeur et, si besoin, le jour de dépôt à compter duquel elle "
            + "s'applique, par exemple « taux_inscrit: {value: 50 %, from: 2021-01-01} », trouvé « 60 % » [overrides.pdesi.taux_inscrit]"])
    }

    @Test func aValueOfTheWrongUnitShowsAnExampleInTheRightOne() throws {
        let found = try tests.problems("""
            name: Essai
            rationale: Essai.
            overrides:
              fonds-solvabilisation:
                plafond_mensuel: {value: 60 %}
            """)
        #expect(found.first?.contains("dont la nouvelle valeur garde l'unité : par exemple « value: 500 € »") == true)
    }

    @Test func aMissingValueShowsItsField() throws {
        let found = try tests.problems("""
            name: Essai
            rationale: Essai.
            overrides:
              pdesi:
                plafond_inscrit: {from: 2021-01-01}
            """)
        #expect(found.first?.contains("champ « value » manquant : la nouvelle valeur du paramètre, par exemple « value: 40 000 € »") == true)
    }

    @Test func datesReadAsISOOrAsTheFrenchWriteThem() throws {
        let iso = try reform("name: A\nrationale: A.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %, from: 2021-03-01}}\n")
        let french = try reform("name: A\nrationale: A.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %, from: 01/03/2021}}\n")
        #expect(iso.overrides.first?.from == LocalDate(year: 2021, month: 3, day: 1))
        #expect(french.overrides.first?.from == LocalDate(year: 2021, month: 3, day: 1))
        let found = try tests.problems("name: A\nrationale: A.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %, from: 31/02/2021}}\n")
        #expect(found.first?.contains("attendu une date écrite AAAA-MM-JJ ou JJ/MM/AAAA, par exemple « from: 2021-01-01 » ou « from: 01/01/2021 », trouvé « 31/02/2021 »") == true)
        #expect(try tests.problems("name: A\nrationale: A.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %, from: 1/3/2021}}\n").count == 1)
    }

    /// The portfolio's PDESI files are filed on 12 October 2020; the reform starts in 2030, and
    /// its other parameter is of a scheme the portfolio does not have.
    @Test func aReformThatChangesNothingSaysWhy() throws {
        let other = try #require(tests.catalog.schemes["medecins-salaries"]?.parameters.first { !$0.isUnset })
        let value = ReformTemplate.inFlow(ReformTemplate.written(other.versions.last!.value, type: other.type))
        let inert = try reform("""
            name: A
            rationale: A.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %, from: 01/01/2030}}
              medecins-salaries: {\(other.id): {value: \(value)}}
            """)
        let (summary, _) = try tests.simulate(inert, tests.pdesiPortfolio)
        let notes = ReformReach.notes(summary)
        #expect(notes.count == 3)
        #expect(notes.first == "« taux_inscrit » du dispositif pdesi ne change rien : sa nouvelle valeur s'applique aux demandes déposées à "
            + "compter du 1er janvier 2030, et la dernière demande de ce dispositif dans le portefeuille a été déposée le 12 octobre 2020")
        #expect(notes.dropFirst().first?.hasSuffix("ne change rien : le portefeuille n'a aucune demande de ce dispositif") == true)
        #expect(notes.last == "la réforme ne change aucune décision du portefeuille : ni l'issue ni le montant d'aucune des 4 demandes ; "
            + "pour les raisons dites ci-dessus")
        // The same reform from 2020 changes the inscribed sites: nothing to say but the scheme with no application.
        let (active, _) = try tests.simulate(try reform("name: A\nrationale: A.\noverrides:\n  pdesi: {taux_inscrit: {value: 60 %, from: 01/01/2020}}\n"),
                                             tests.pdesiPortfolio)
        #expect(ReformReach.notes(active).isEmpty)
    }

    /// Printed as is, the file loads and changes no parameter of any scheme: every value is
    /// written so that the loader reads it back the same.
    @Test func aNewReformFileLoadsAndChangesNothing() throws {
        for scheme in tests.catalog.schemes.values.sorted(by: { $0.id < $1.id }) {
            let text = ReformTemplate.yaml(for: scheme)
            let loaded = try reform(text)
            #expect(loaded.overrides.count == scheme.parameters.filter { !$0.isUnset }.count, "\(scheme.id)")
            let reformed = loaded.apply(to: scheme)
            for (before, after) in zip(scheme.parameters, reformed.parameters) {
                #expect(FrenchFormat.versions(of: before).replacing(" \(FrenchFormat.fictitious)", with: "")
                        == FrenchFormat.versions(of: after), "\(scheme.id).\(before.id)")
            }
        }
        let pdesi = ReformTemplate.yaml(for: try #require(tests.catalog.schemes["pdesi"]))
        #expect(pdesi.contains("    taux_inscrit:\n      value: 50 %\n"))
        #expect(pdesi.contains("# Taux de participation"))
    }

    @Test func writtenValuesAvoidAmbiguousDecimals() {
        #expect(ReformTemplate.written(.rate(DecimalNumber(significand: 1_125, scale: 5)), type: .rate) == "1,1250 %")
        #expect(ReformTemplate.written(.money(DecimalNumber(significand: 3_999_999, scale: 2)), type: .money) == "39 999,99 €")
        #expect(ReformTemplate.inFlow("39 999,99 €") == "\"39 999,99 €\"")
    }
}

import Imports
import SchemeLanguage
import TestSupport
import Testing

/// The reference of the Pas-de-Calais communes: read from the rules folder, every bad row
/// located, the bands and arrondissements the reports break the amounts down by.
@Suite struct CommuneReferenceTests {
    static let header = "code_insee;siren;commune;code_arrondissement;arrondissement;population_municipale\n"

    func read(_ text: String) -> Result<CommuneReference, DiagnosticList> {
        CommuneReference.read(bytes: Array(text.utf8), file: "communes.csv")
    }

    @Test func theBundledFileHasEveryCommuneWithItsSirenBandAndArrondissement() throws {
        let reference = try CommuneReference.load(rulesFolder: Repository.path("Rules")).get()
        #expect(reference.communes.count == 890)
        #expect(reference.arrondissements.count == 7)
        // French alphabetical order: accents aside.
        #expect(reference.arrondissements.firstIndex(of: "Béthune")! < reference.arrondissements.firstIndex(of: "Boulogne-sur-Mer")!)
        let wimereux = try #require(reference.index(ofSiren: "216 208 934").map { reference.communes[$0] })
        #expect(wimereux.name == "Wimereux" && wimereux.insee == "62893")
        #expect(reference.arrondissements[Int(wimereux.territory)] == "Boulogne-sur-Mer")
        #expect(CommuneReference.bands[Int(wimereux.band)] == "de 5 000 à 9 999 habitants")
        #expect(reference.index(ofSiren: "216200001") == nil, "a fictitious SIREN joins nothing")
    }

    @Test(arguments: [(0, 0), (499, 0), (500, 1), (1_999, 1), (2_000, 2), (4_999, 2), (5_000, 3), (9_999, 3), (10_000, 4),
                      (49_999, 4), (50_000, 5), (1_000_000, 5)])
    func aPopulationFallsInItsBand(_ population: Int, _ band: Int) {
        #expect(CommuneReference.band(of: population) == UInt8(band))
    }

    @Test func aBadRowIsLocatedByLineAndColumnWithWhatToDo() throws {
        let text = Self.header + "62893;216208934;Wimereux;623;Boulogne-sur-Mer;6358\n"
            + "62001;21620001;Ablain-Saint-Nazaire;627;Lens;1939\n"
            + "62002;216200022;Ablainzevelle;621;Arras;deux cents\n"
            + "62003;216208934;Acheville;627;Lens;589\n"
            + "62004;216200048;Achicourt;621\n"
        guard case .failure(let list) = read(text) else { Issue.record("a file with bad rows must be refused"); return }
        let messages = list.diagnostics.map(\.description)
        #expect(list.diagnostics.count == 4, "\(messages)")
        #expect(messages[0].hasPrefix("communes.csv:3:7:") && messages[0].contains("colonne « siren »")
                && messages[0].contains("n'est pas un code de 9 chiffres") && messages[0].contains("zéros de tête"), "\(messages[0])")
        #expect(messages[1].hasPrefix("communes.csv:4:") && messages[1].contains("colonne « population_municipale »")
                && messages[1].contains("écrivez-le en chiffres"), "\(messages[1])")
        #expect(messages[2].hasPrefix("communes.csv:5:") && messages[2].contains("déjà celui de la commune de la ligne 2"), "\(messages[2])")
        #expect(messages[3].hasPrefix("communes.csv:6:") && messages[3].contains("la ligne s'arrête avant cette colonne"), "\(messages[3])")
    }

    @Test func aMissingColumnIsNamed() throws {
        guard case .failure(let list) = read("code_insee;siren;commune;population_municipale\n62893;216208934;Wimereux;6358\n") else {
            Issue.record("a file without its arrondissement must be refused")
            return
        }
        #expect(list.description.contains("communes.csv:1:1:") && list.description.contains("colonne « arrondissement » absente"))
    }

    @Test func aMissingFileSaysSo() {
        guard case .failure(let list) = CommuneReference.load(rulesFolder: "/nonexistent-rules") else {
            Issue.record("no file, no reference")
            return
        }
        #expect(list.description.contains("/nonexistent-rules/references/communes-62.csv"))
    }
}

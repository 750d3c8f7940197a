import ExactDecimal
import Imports
import Platform
import SchemeLanguage
import Testing

/// Reading exports exactly: RFC 4180 CSV in either separator, with or without its BOM, and the
/// démarches-simplifiées API's JSON; nothing guessed.
@Suite struct ExportReadingTests {
    func table(_ text: String, bom: Bool = false) throws -> ExportTable {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        return try ExportTable.csv(bytes, file: "export.csv").get()
    }

    @Test func aFrenchSpreadsheetsCSVIsReadWithItsSemicolonsAndBOM() throws {
        let table = try table("ID;Nom;Adresse\r\n12;\"Commune de \"\"Wimereux\"\"\";\"Hôtel de ville\r\n62930 Wimereux\"\r\n13;B;C\r\n", bom: true)
        #expect(table.format == .csv(separator: ";", byteOrderMark: true))
        #expect(table.columns == ["ID", "Nom", "Adresse"])
        #expect(table.records.count == 2)
        #expect(table.records[0].cells["Nom"]?.text == "Commune de \"Wimereux\"")
        #expect(table.records[0].cells["Adresse"]?.text == "Hôtel de ville\r\n62930 Wimereux")
        // The record after a line break inside quotes starts on its own line.
        #expect(table.records[1].mark.line == 4)
        #expect(table.records[1].cells["Nom"]?.mark.column == 4)
    }

    @Test func commasSeparateWhenTheHeaderSaysSo() throws {
        let table = try table("ID,Montant\n1,\"12 500,50 €\"\n")
        #expect(table.format == .csv(separator: ",", byteOrderMark: false))
        #expect(table.records[0].cells["Montant"]?.text == "12 500,50 €")
    }

    @Test func aHeaderWithAsManyCommasAsSemicolonsIsRefused() {
        let result = ExportTable.csv(Array("A,B;C\n1,2;3\n".utf8), file: "export.csv")
        guard case .failure(let diagnostic) = result else { Issue.record("read: \(result)"); return }
        #expect(diagnostic.message.contains("autant de « , » que de « ; »"))
    }

    @Test func aFileInWindows1252IsRefusedWhereItsFirstAccentIs() {
        // « Déposé » in Windows-1252: é is the single byte 0xE9.
        let bytes: [UInt8] = Array("ID;D".utf8) + [0xE9] + Array("pos\n1;2\n".utf8)
        guard case .failure(let diagnostic) = ExportTable.csv(bytes, file: "export.csv") else { Issue.record("read"); return }
        #expect(diagnostic.description.hasPrefix("export.csv:1:5: erreur : ce fichier n'est pas en UTF-8"))
    }

    @Test func aQuoteLeftOpenIsRefusedWhereItOpens() {
        guard case .failure(let diagnostic) = ExportTable.csv(Array("ID;Nom\n1;\"Wimereux\n2;B\n".utf8), file: "export.csv") else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.description.hasPrefix("export.csv:2:3: erreur : guillemet ouvert jamais refermé"))
    }

    @Test func aLineWithAFieldTooManyIsMarkedNotShifted() throws {
        let table = try table("ID;Montant\n1;12 500\n2;12;500\n")
        #expect(table.records[0].problem == nil)
        #expect(table.records[1].problem?.contains("cette ligne a 3 champs et l'en-tête 2") == true)
    }

    /// The API's JSON: the dossier's own facts under the CSV's names, fields under their labels,
    /// a multiple choice and files as lists, numbers as written.
    @Test func theAPIsJSONIsLaidOutAsTheCSV() throws {
        let json = """
            {"data": {"demarche": {"dossiers": {"nodes": [
              {"number": 123, "state": "en_instruction", "dateDepot": "2020-10-12T09:14:03+02:00",
               "demandeur": {"siret": "21620000100016", "entreprise": {"raisonSociale": "Commune de Wimereux"}},
               "champs": [
                 {"label": "Dépense", "stringValue": "12500.5", "value": 12500.50},
                 {"label": "Enjeux", "stringValue": "a, b", "values": ["a, b", "c"]},
                 {"label": "Devis", "files": [{"filename": "devis.pdf"}]}],
               "annotations": [{"label": "Vérifié", "checked": true}]}]}}}}
            """
        let table = try ExportTable.json(Array(json.utf8), file: "export.json").get()
        let cells = try #require(table.records.first?.cells)
        #expect(cells["ID"]?.text == "123")
        #expect(cells["État du dossier"]?.text == "En instruction")
        #expect(cells["Déposé le"]?.text == "2020-10-12T09:14:03+02:00")
        #expect(cells["Entreprise raison sociale"]?.text == "Commune de Wimereux")
        #expect(cells["Dépense"]?.text == "12500.50", "the number as written, never through a Double")
        #expect(cells["Enjeux"]?.items == ["a, b", "c"])
        #expect(cells["Devis"]?.items == ["devis.pdf"])
        #expect(cells["Vérifié"]?.text == "true")
        #expect(cells["Dépense"]?.mark.line == 5)
    }

    @Test func brokenJSONIsLocated() {
        guard case .failure(let diagnostic) = ExportTable.json(Array("{\"data\": [1, 2,]}".utf8), file: "export.json") else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.description.hasPrefix("export.json:1:16: erreur : JSON illisible"))
    }
}

/// Values read from cells: amounts exact, ambiguity refused, dates in the forms exports write.
@Suite struct CellValueTests {
    @Test(arguments: [
        ("12 500,50 €", "12500.5"), ("12\u{00A0}500,50\u{00A0}€", "12500.5"), ("12\u{202F}500,50 €", "12500.5"),
        ("60000.0", "60000"), ("60 000", "60000"), ("1.234.567,89 €", "1234567.89"), ("0,01 €", "0.01"),
    ])
    func amountsAreReadExactly(_ text: String, _ expected: String) throws {
        let value = try TypedText.read(text, as: .money).get()
        #expect(value == .money(try #require(DecimalNumber(canonical: expected))))
    }

    @Test(arguments: ["12,500 €", "12.500", "1,234.56", "12.500 €"])
    func ambiguousAmountsAreRefused(_ text: String) {
        guard case .failure(let problem) = TypedText.read(text, as: .money) else { Issue.record("\(text) was read"); return }
        #expect(problem.message.contains("est ambigu"), "\(problem.message)")
        #expect(!problem.message.contains("12.500 €»"), "never suggests a form that is itself ambiguous")
    }

    @Test(arguments: ["1e5", "douze mille", "12 500 $", ""])
    func whatIsNoAmountIsRefused(_ text: String) {
        #expect(throws: ValueProblem.self) { try TypedText.read(text, as: .money).get() }
    }

    @Test func valuesAreWrittenBackAsTheyRead() throws {
        for text in ["12 500,5 €", "12.1250 €", "0,5 €", "1 234 567,89 €"] {
            let value = try TypedText.read(text, as: .money).get()
            let written = try #require(TypedText.written(value))
            #expect(ScalarParsing.value(written, as: .money) == value, "\(text) → \(written)")
        }
        #expect(TypedText.written(.rate(try #require(DecimalNumber(canonical: "0.125")))) == "12,5 %")
    }
}

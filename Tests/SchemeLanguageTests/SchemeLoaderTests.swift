import ExactDecimal
import Platform
import Testing
@testable import SchemeLanguage

@Suite struct SchemeLoaderTests {
    @Test func cycleBetweenStepsIsRefusedAtLoad() throws {
        let text = Fixture.header + Fixture.inputs + """
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}
            amount:
              steps:
                - {id: a, label: A, value: b + 1 €, wording: Calcul}
                - {id: b, label: B, value: c * taux, wording: Calcul}
                - {id: c, label: C, value: a, wording: Calcul}
              result: a

            """
        let errors = Fixture.errors(text)
        let cycle = try #require(errors.first { $0.message.contains("en cercle") })
        #expect(cycle.message.contains("a → b → c → a") || cycle.message.contains("b → c → a → b") || cycle.message.contains("c → a → b → c"), "\(cycle.message)")
        #expect(cycle.mark.line == Fixture.line(of: "{id: c, label: C, value: a,", in: text))
    }

    @Test func stepsMayBeWrittenInAnyOrder() throws {
        let text = Fixture.header + Fixture.inputs + """
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}
            amount:
              steps:
                - {id: montant, label: Montant, value: "min(brut, plafond)", wording: Calcul}
                - {id: brut, label: Brut, value: depense * taux, wording: Calcul}
              result: montant

            """
        let scheme = try Fixture.load(text).get()
        let order = try #require(scheme.amount?.evaluationOrder)
        #expect(order == [1, 0])
    }

    @Test func unknownFieldIsLocatedWithSuggestion() throws {
        let text = Fixture.header + Fixture.inputs + """
            eligibility:
              - id: c
                label: C
                failure: F
                when: "true"
                sources: delib

            """
        let errors = Fixture.errors(text)
        let error = try #require(errors.first)
        #expect(error.message == "champ « sources » inconnu ; vouliez-vous dire « source » ?")
        #expect(error.mark.line == Fixture.line(of: "    sources: delib", in: text))
        #expect(error.mark.column == 5)
        #expect(error.path == "eligibility[0].sources")
    }

    @Test func wrongTypeOfParameterValue() throws {
        let text = Fixture.header + """
            parameters:
              taux:
                label: Taux
                type: rate
                value: cinquante
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}

            """
        let error = try #require(Fixture.errors(text).first)
        #expect(error.message.contains("attendu un taux, comme 50 %, trouvé « cinquante »"))
        #expect(error.path == "parameters.taux.value")
    }

    @Test func datedParameterVersionsChooseByDate() throws {
        let scheme = try Fixture.load(Fixture.scheme(criterion: "true")).get()
        let forfait = try #require(scheme.parameters.first { $0.id == "forfait" })
        #expect(forfait.value(on: LocalDate(iso: "2020-08-31")) == .money(DecimalNumber(775)))
        #expect(forfait.value(on: LocalDate(iso: "2020-09-01")) == .money(DecimalNumber(1150)))
    }

    @Test func versionsOutOfOrderAreRefused() {
        let text = Fixture.header + """
            parameters:
              forfait:
                label: Forfait
                versions:
                  2020-09-01: 1 150 €
                  2019-01-01: 775 €
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}

            """
        #expect(Fixture.errors(text).contains { $0.message.contains("par date croissante") })
    }

    @Test func everyErrorOfAFileIsReported() {
        let text = Fixture.header + Fixture.inputs + """
            eligibility:
              - {id: a, label: A, failure: F, when: "depence > 0 €"}
              - {id: b, label: B, failure: F, when: "statut == \\"mairie\\"", source: nowhere}
              - {id: c, label: C, failure: F}

            """
        let errors = Fixture.errors(text)
        #expect(errors.count == 4, "\(errors)")
    }

    @Test func missingRequiredFieldsAreNamed() {
        let errors = Fixture.errors("id: x\n")
        let messages = errors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("champ « title » manquant") })
        #expect(messages.contains { $0.hasPrefix("champ « kind » manquant") })
        #expect(messages.contains { $0.hasPrefix("champ « eligibility » manquant") })
    }

    @Test func manualCriterionHasNoCondition() throws {
        let text = Fixture.header + """
            eligibility:
              - {id: c, label: C, failure: F, manual: true}

            """
        let scheme = try Fixture.load(text).get()
        #expect(scheme.criteria[0].isManual)
    }

    @Test func rulesHashIsTheFilesSHA256() throws {
        let text = Fixture.scheme(criterion: "true")
        let scheme = try Fixture.load(text).get()
        #expect(scheme.rulesHash == SHA256.hex(of: Array(text.utf8)))
        #expect(scheme.rulesHash.count == 64)
    }
}

@Suite struct BadSchemeFilesTests {
    @Test func emptyFile() throws {
        let error = try #require(Fixture.errors("").first)
        #expect(error.message.contains("le fichier est vide"))
    }

    @Test func tabsInIndentation() throws {
        let error = try #require(Fixture.errors("id: x\ntitle:\n\tfoo: 1\n").first)
        #expect(error.message.lowercased().contains("tab"))
        #expect(error.mark.line == 3)
    }

    @Test func truncatedYAML() throws {
        let error = try #require(Fixture.errors("id: x\ntitle: \"Aide\nkind: [a, b").first)
        #expect(error.mark.file == "demo.yaml")
        #expect(error.mark.line >= 2)
    }

    @Test func binaryGarbage() throws {
        // A fixed buffer with NUL and invalid UTF-8 bytes.
        let bytes: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ ($0 >> 3)) }
        let result = SchemeLoader.load(bytes: bytes, file: "garbage.bin")
        guard case .failure(let list) = result else {
            Issue.record("garbage loaded as a scheme")
            return
        }
        #expect(list.diagnostics.first?.mark.file == "garbage.bin")
    }

    @Test func unreadableFile() throws {
        guard case .failure(let list) = SchemeLoader.load(path: "/nonexistent/pdesi.yaml") else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(list.diagnostics[0].message.contains("lecture impossible"))
        #expect(list.diagnostics[0].mark.file == "/nonexistent/pdesi.yaml")
    }

    @Test func aSecondDocumentIsRefused() throws {
        let error = try #require(Fixture.errors(Fixture.scheme(criterion: "true") + "---\nid: y\n").first)
        #expect(error.message.contains("un fichier de dispositif n'en contient qu'un"))
    }
}

import Platform
import Testing
@testable import SchemeLanguage

/// `authority: cd62` and `act: cd62-2020-309` in a scheme, resolved against a rules folder's
/// `deliberations.yaml`.
@Suite struct SharedDeliberationsTests {
    static let shared = """
        authorities:
          cd62:
            name: Département du Pas-de-Calais
            signatory: Le Président du Conseil départemental
            court: tribunal administratif de Lille
            court_address: 5 rue Geoffroy Saint-Hilaire, CS 62039, 59014 Lille Cedex
            bodies:
              assemblée: Le Conseil départemental
              commission-permanente: La Commission permanente du Conseil départemental
              président-par-délégation: Le Président du Conseil départemental
        acts:
          cd62-2020-309:
            title: Délibération n°2020-309 du Conseil départemental du 28 septembre 2020
            number: 2020-309
            date: 2020-09-28
            body: Conseil départemental
          cd62-2020-310:
            title: Délibération n°2020-310 du Conseil départemental du 28 septembre 2020
            number: 2020-310
            date: 2020-09-28
            body: Conseil départemental

        """

    static func scheme(authority: String = "{id: cd62, decides: commission-permanente, source: delib}",
                       source: String = "act: cd62-2020-309") -> String {
        """
        id: demo
        title: Aide de démonstration
        kind: individual-aid
        authority: \(authority)
        sources:
          delib:
            \(source)
            article: article 2
            lines: 5159-5162
            quote: Texte.
        inputs:
          a: {type: boolean, question: A ?, statement: {true: Oui., false: Non.}}
        eligibility:
          - {id: c, label: C, failure: F, when: a, source: delib}

        """
    }

    static func deliberations(_ text: String = shared) -> SharedDeliberations {
        let loaded = DeliberationsLoader.load(text: text, file: "deliberations.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded.deliberations
    }

    static func load(_ scheme: String, with deliberations: SharedDeliberations = deliberations()) -> Result<Scheme, DiagnosticList> {
        SchemeLoader.load(bytes: Array(scheme.utf8), file: "demo.yaml", deliberations: deliberations)
    }

    static func errors(_ scheme: String, with deliberations: SharedDeliberations = deliberations()) -> [Diagnostic] {
        guard case .failure(let list) = load(scheme, with: deliberations) else { return [] }
        return list.diagnostics
    }

    @Test func keysAreResolvedToTheSharedAuthorityAndActTitle() throws {
        let scheme = try Self.load(Self.scheme()).get()
        #expect(scheme.authority.name == "Département du Pas-de-Calais")
        #expect(scheme.authority.courtAddress == "5 rue Geoffroy Saint-Hilaire, CS 62039, 59014 Lille Cedex")
        let source = try #require(scheme.source("delib"))
        #expect(source.citation == "Délibération n°2020-309 du Conseil départemental du 28 septembre 2020, article 2")
        #expect(source.lines == "5159-5162")
        #expect(source.quote == "Texte.")
    }

    @Test func anUnknownActIsLocatedWithTheNearestKey() throws {
        let text = Self.scheme(source: "act: cd62-2020309")
        let error = try #require(Self.errors(text).first)
        #expect(error.message == "acte « cd62-2020309 » inconnu ; vouliez-vous dire « cd62-2020-309 » ?")
        #expect(error.mark.line == Fixture.line(of: "act: cd62-2020309", in: text))
        #expect(error.mark.column == 10)
        #expect(error.path == "sources.delib.act")
    }

    @Test func anUnknownAuthorityIsLocatedWithTheNearestKey() throws {
        let text = Self.scheme(authority: "cd26")
        let error = try #require(Self.errors(text).first)
        #expect(error.message == "autorité « cd26 » inconnue ; vouliez-vous dire « cd62 » ?")
        #expect(error.mark.line == 4)
        #expect(error.path == "authority")
    }

    @Test func aKeyWithoutASharedFileSaysSo() throws {
        let error = try #require(Self.errors(Self.scheme(), with: .none).first)
        #expect(error.message == "autorité « cd62 » inconnue : aucune autorité n'est déclarée dans deliberations.yaml")
    }

    @Test func aSourceGivesEitherAnActOrAWrittenTitle() throws {
        let both = Self.errors(Self.scheme(source: "act: cd62-2020-309\n    deliberation: Délibération n°2020-309"))
        #expect(both.map(\.message) == ["donnez « act » (une clé de deliberations.yaml) ou « deliberation » (le titre en toutes lettres), pas les deux"])
        let neither = Self.errors(Self.scheme(source: "# no act"))
        #expect(neither.first?.message.hasPrefix("champ « act » manquant") == true)
        #expect(neither.first?.path == "sources.delib")
    }

    /// Outside a rules folder, a scheme may still write its authority and titles in full; inside
    /// one that has a deliberations file, it must cite them by key, so each is written once.
    @Test func aSchemeWrittenInFullLoadsOnlyOutsideAFolderWithSharedDeliberations() throws {
        let text = Fixture.header + Fixture.inputs + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
        let scheme = try Self.load(text, with: .none).get()
        #expect(scheme.authority.name == "Département du Pas-de-Calais")
        #expect(scheme.rulesHash == SHA256.hex(of: Array(text.utf8)))
        let refused = Self.errors(text)
        #expect(refused.contains { $0.path == "authority" && $0.message.contains("désignez l'autorité par sa clé (authority: {id: cd62, decides: …, source: …})") })
        #expect(refused.contains { $0.message.contains("citez l'acte par sa clé") })
    }

    @Test func theFingerprintCoversTheSharedEntriesTheSchemeCites() throws {
        let text = Self.scheme()
        let base = try Self.load(text).get().rulesHash
        #expect(base != SHA256.hex(of: Array(text.utf8)))
        let retitled = Self.shared.replacing("du 28 septembre 2020\n    number: 2020-309", with: "du 28 septembre 2020 (rectifiée)\n    number: 2020-309")
        #expect(retitled != Self.shared)
        #expect(try Self.load(text, with: Self.deliberations(retitled)).get().rulesHash != base)
        let court = Self.shared.replacing("CS 62039", with: "CS 62040")
        #expect(try Self.load(text, with: Self.deliberations(court)).get().rulesHash != base)
        // An act the scheme does not cite leaves its fingerprint as it was.
        let other = Self.shared.replacing("n°2020-310 du Conseil départemental du 28 septembre 2020", with: "n°2020-310 du Conseil départemental du 28 septembre 2020 (autre)")
        #expect(try Self.load(text, with: Self.deliberations(other)).get().rulesHash == base)
    }

    @Test func anActWhoseFieldsDisagreeWithItsTitleIsRefused() throws {
        let text = Self.shared.replacing("number: 2020-310", with: "number: 2020-311")
        let loaded = DeliberationsLoader.load(text: text, file: "deliberations.yaml")
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message == "le titre ne contient pas « n°2020-311 » : le champ « number » et le titre doivent concorder")
        #expect(error.mark.line == Fixture.line(of: "number: 2020-311", in: text))
        #expect(error.path == "acts.cd62-2020-310.number")
        #expect(loaded.deliberations.acts["cd62-2020-309"] != nil)
        #expect(loaded.deliberations.brokenActs == ["cd62-2020-310"])
        let citing = try #require(Self.errors(Self.scheme(source: "act: cd62-2020-310"), with: loaded.deliberations).first)
        #expect(citing.message == "l'acte « cd62-2020-310 » contient des erreurs dans deliberations.yaml : corrigez-les d'abord")
    }

    /// A broken act's own errors are in the shared file: a scheme is told once, at its first
    /// citation, and a misspelt key is still compared with the broken ones.
    @Test func aBrokenActIsReportedOnceAndStillSuggested() throws {
        let broken = DeliberationsLoader.load(text: Self.shared.replacing("number: 2020-309", with: "number: 2020-399"),
                                              file: "deliberations.yaml").deliberations
        let text = Self.scheme().replacing("inputs:", with: """
              second: {act: cd62-2020-309, quote: Texte.}
              third: {act: cd62-2020309, quote: Texte.}
            inputs:
            """)
        let errors = Self.errors(text, with: broken)
        #expect(errors.map(\.message) == ["l'acte « cd62-2020-309 » contient des erreurs dans deliberations.yaml : corrigez-les d'abord",
                                          "acte « cd62-2020309 » inconnu ; vouliez-vous dire « cd62-2020-309 » ?"])
    }

    @Test func anUnknownFieldOfTheSharedFileIsLocatedWithASuggestion() throws {
        let text = Self.shared.replacing("    body: Conseil départemental\n  cd62-2020-310", with: "    bodyy: Conseil départemental\n  cd62-2020-310")
        let loaded = DeliberationsLoader.load(text: text, file: "deliberations.yaml")
        let messages = loaded.diagnostics.map(\.message)
        #expect(messages.contains("champ « bodyy » inconnu ; vouliez-vous dire « body » ?"))
    }

    /// An act the texts name without its day or number (the FSL's règlement intérieur, a
    /// deliberation of « décembre 2019 »), or a law, whose title names no assembly, leaves them
    /// out: never a made-up day. What is written must still agree with the title.
    @Test func anActMayLeaveOutTheDateAndTheBodyTheTextsDoNotGive() throws {
        let text = Self.shared + """
              reglement:
                title: Règlement intérieur du fonds de solidarité pour le logement
              loi:
                title: Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement
                number: 90-449
                date: 1990-05-31
              cp:
                title: Délibération de la Commission permanente de décembre 2019
                body: Commission permanente

            """
        let shared = Self.deliberations(text)
        #expect(shared.acts["reglement"]?.date == nil)
        #expect(shared.acts["reglement"]?.body == nil)
        #expect(shared.acts["loi"]?.date == LocalDate(iso: "1990-05-31"))
        #expect(shared.acts["cp"]?.body == "Commission permanente")
        let scheme = try Self.load(Self.scheme(source: "act: reglement"), with: shared).get()
        #expect(scheme.sources.first?.deliberation == "Règlement intérieur du fonds de solidarité pour le logement")
        #expect(shared.canonicalText(authority: nil, acts: ["reglement"]).contains("date=\nbody="))

        let wrongDay = DeliberationsLoader.load(text: text.replacing("body: Commission permanente", with: "body: Commission permanente\n    date: 2019-12-16"),
                                                file: "deliberations.yaml")
        #expect(wrongDay.diagnostics.map(\.message) == ["le titre ne contient pas « 16 décembre 2019 » : le champ « date » et le titre doivent concorder"])
    }

    /// `context: true`: a passage quoted where a criterion cites it, whose act is no legal basis.
    @Test func aSourceMayBeReadForContext() throws {
        let scheme = try Self.load(Self.scheme().replacing("    quote: Texte.\n", with: "    quote: Texte.\n    context: true\n")).get()
        #expect(scheme.sources.first?.context == true)
        #expect(try Self.load(Self.scheme()).get().sources.first?.context == false)
        let wrong = Self.errors(Self.scheme().replacing("    quote: Texte.\n", with: "    quote: Texte.\n    context: oui\n"))
        #expect(wrong.map(\.message) == ["attendu true ou false, trouvé « oui »"])
    }
}

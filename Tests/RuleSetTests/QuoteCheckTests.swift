import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// `guichet check` reads every quote against the lines it cites: layout aside, a quote is the
/// text, and a quote that is not is reported at its own line with the text it strays from.
@Suite struct QuoteCheckTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    /// A text laid out as a deliberation extracted from its PDF: a word cut at the end of a
    /// line, a typographic apostrophe, blank lines, a dash and a symbol font's bullet starting
    /// list items.
    static let text = """
        Ligne d'en-tête.
        Le Département apportera son concours finan-
        cier aux projets contribuant à l\u{2019}amélioration
        des sites.

        Les critères sont :
        - Respect des normes ;
        \u{F0B7} Validation par le propriétaire.
        Aide limitée à 40 000,00 € HT par an.
        """

    static let deliberations = """
        authorities:
          cd62:
            name: Département du Pas-de-Calais
            signatory: Le Président du Conseil départemental
            court: tribunal administratif de Lille
            bodies: {assemblée: Le Conseil départemental}
        acts:
          cd62-2020-309:
            title: Délibération n°2020-309 du Conseil départemental du 28 septembre 2020
            number: 2020-309
            date: 2020-09-28
            body: Conseil départemental
            text: sources/texte.txt
          sans-texte:
            title: Délibération n°2020-999 du Conseil départemental du 28 septembre 2020
            number: 2020-999
            date: 2020-09-28
            body: Conseil départemental

        """

    init() throws {
        temporary = try TemporaryFolder("quotes")
        try FileManager.default.createDirectory(atPath: "\(folder)/sources", withIntermediateDirectories: true)
        try write("sources/texte.txt", Self.text)
        try write("deliberations.yaml", Self.deliberations)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
    }

    /// A scheme whose sources are the given lines (each `    id:` and its fields, indented by four).
    func scheme(_ sources: String) -> String {
        """
        id: demo
        title: Aide de démonstration
        kind: individual-aid
        authority: {id: cd62, decides: assemblée}
        sources:
        \(sources)
        inputs:
          a: {type: boolean, question: A ?, statement: {true: Oui., false: Non.}}
        eligibility:
          - {id: condition-a, label: A, failure: Pas A., when: a}

        """
    }

    /// The problems `guichet check` reports for a scheme with these sources.
    func problems(_ sources: String) throws -> [Diagnostic] {
        try write("demo.yaml", scheme(sources))
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.failures.isEmpty, "\(catalog.failures)")
        return QuoteCheck.problems(in: catalog).flatMap(\.diagnostics)
    }

    @Test func aQuoteMatchesAcrossLineBreaksCutWordsApostrophesBulletsAndCuts() throws {
        let found = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-4
                quote: >-
                  Le Département apportera son concours financier aux projets contribuant à
                  l'amélioration des sites.
              criteres:
                act: cd62-2020-309
                lines: 6-9
                quote: >-
                  Les critères sont : Respect des normes ; – Validation par le propriétaire. […] 40 000,00 €
                  HT par an.
              liste:
                act: cd62-2020-309
                lines: 6-8
                quote: "Les critères sont : - Respect des normes ; Validation par le propriétaire."
              coupe:
                act: cd62-2020-309
                lines: 2-3
                quote: "[…] son concours finan-cier […]"
            """)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aQuoteThatIsNotTheTextIsLocatedAtItsQuoteWithTheNearestText() throws {
        let found = try problems("""
              plafond:
                act: cd62-2020-309
                lines: "9"
                quote: Aide limitée à 40 000 € HT par an.
            """)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.mark.file == "\(folder)/demo.yaml")
        #expect(problem.mark.line == 9 && problem.mark.column == 12, "\(problem)")
        #expect(problem.path == "sources.plafond.quote")
        #expect(problem.message == "la citation s'écarte du texte de la ligne 9 de \(folder)/sources/texte.txt : "
                + "après « …Aide limitée à 40 000 », le texte porte « ,00 € HT par an. » (ligne 9) et la citation « € HT par an. ». "
                + "Recopiez le texte mot pour mot (« […] » marque une coupure), ou mettez la paraphrase dans summary")
    }

    @Test func aParaphraseIsNotTheTextButIsWelcomeAsASummary() throws {
        let paraphrase = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-4
                quote: Le Département finance les projets qui améliorent les sites.
            """)
        #expect(paraphrase.map(\.message) == ["la citation s'écarte du texte des lignes 2-4 de \(folder)/sources/texte.txt : "
            + "après « …Le Département », le texte porte « apportera son concours finan-cier aux projets cont… » (ligne 2) "
            + "et la citation « finance les projets qui améliorent les sites. ». "
            + "Recopiez le texte mot pour mot (« […] » marque une coupure), ou mettez la paraphrase dans summary"])
        let unrelated = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-4
                quote: Une aide est versée aux communes.
            """)
        #expect(unrelated.map(\.message) == ["la citation n'est pas le texte des lignes 2-4 de \(folder)/sources/texte.txt : "
            + "on n'y trouve pas « Une aide est versée aux communes. » ; le texte cité commence par "
            + "« Le Département apportera son concours finan-cier a… » (ligne 2). "
            + "Recopiez le texte mot pour mot (« […] » marque une coupure), ou mettez la paraphrase dans summary"])
        let summary = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-4
                summary: Le Département finance les projets qui améliorent les sites.
            """)
        #expect(summary.isEmpty, "\(summary)")
    }

    @Test func aQuoteRunningPastItsLinesSaysWhereTheyStop() throws {
        let found = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-3
                quote: Le Département apportera son concours financier aux projets contribuant à l'amélioration des sites.
            """)
        #expect(found.map(\.message).first?.hasPrefix("la citation dépasse le texte des lignes 2-3 de \(folder)/sources/texte.txt : "
            + "après « …ux projets contribuant à l'amélioration », les lignes citées s'arrêtent (ligne 3) et la citation continue par « des sites. »") == true,
                "\(found)")
    }

    @Test func fragmentsBetweenCutsFollowTheOrderOfTheText() throws {
        let found = try problems("""
              criteres:
                act: cd62-2020-309
                lines: 6-9
                quote: "Aide limitée […] Respect des normes"
            """)
        #expect(found.map(\.message) == ["les passages de la citation séparés par « […] » ne se suivent pas dans cet ordre dans le texte "
            + "des lignes 6-9 de \(folder)/sources/texte.txt : « Respect des normes » y vient avant le passage qui le précède dans la citation"])
    }

    @Test func linesBeyondTheTextOrWrittenOtherwiseAreErrorsAtTheirField() throws {
        let found = try problems("""
              loin:
                act: cd62-2020-309
                lines: 8-12
                quote: Validation par le propriétaire.
              envers:
                act: cd62-2020-309
                lines: 9-8
                quote: Validation par le propriétaire.
            """)
        #expect(found.map(\.description) == [
            "\(folder)/demo.yaml:8:12: erreur : la ligne 12 n'existe pas : \(folder)/sources/texte.txt a 9 lignes [sources.loin.lines]",
            "\(folder)/demo.yaml:12:12: erreur : écrivez les lignes citées de la première à la dernière, par exemple 5159-5165, \"5176\" "
                + "ou 2609-2611, 2679-2690 (plusieurs passages dans l'ordre du texte) ; trouvé « 9-8 » [sources.envers.lines]",
        ])
    }

    @Test func severalRangesAreReadInOrderAndNoFragmentRunsAcrossTwo() throws {
        let matching = try problems("""
              deux:
                act: cd62-2020-309
                lines: "1, 9"
                quote: Ligne d'en-tête. […] Aide limitée
            """)
        #expect(matching.isEmpty, "\(matching)")
        let across = try problems("""
              deux:
                act: cd62-2020-309
                lines: "1, 9"
                quote: Ligne d'en-tête. Aide limitée
            """)
        #expect(across.count == 1 && across.first?.path == "sources.deux.quote", "\(across)")
    }

    @Test func aQuoteWhoseActHasNoTextOrWithoutLinesCannotBeChecked() throws {
        let found = try problems("""
              ailleurs:
                act: sans-texte
                lines: 1-2
                quote: Texte.
              sans-lignes:
                act: cd62-2020-309
                quote: Ligne d'en-tête.
            """)
        #expect(found.map(\.message) == [
            "la citation ne peut être vérifiée : l'acte « sans-texte » ne dit pas dans quel fichier lire son texte ; ajoutez-lui text: sources/….txt dans deliberations.yaml",
            "citez les lignes du texte (lines: 5159-5165) : la citation est vérifiée contre elles",
        ])
    }

    @Test func aMissingTextIsReportedOnceAtItsDeclaration() throws {
        try FileManager.default.removeItem(atPath: "\(folder)/sources/texte.txt")
        let found = try problems("""
              concours:
                act: cd62-2020-309
                lines: 2-4
                quote: Texte.
            """)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.mark.file == "\(folder)/deliberations.yaml" && problem.mark.line == 13 && problem.path == "acts.cd62-2020-309.text",
                "\(problem)")
        #expect(problem.message.hasPrefix("le texte \(folder)/sources/texte.txt ne peut être lu ("), "\(problem)")
    }

    @Test func aSourceGivesAQuoteASummaryOrBoth() throws {
        try write("demo.yaml", scheme("""
              rien:
                act: cd62-2020-309
                lines: 2-4
            """))
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.failures.flatMap(\.diagnostics).map(\.description) == [
            "\(folder)/demo.yaml:7:5: erreur : une source donne les mots du texte (quote), une paraphrase (summary), ou les deux : "
                + "quote est imprimé entre « » comme le texte même, summary sans guillemets [sources.rien]",
        ])
    }

    /// The bundled rules quote their text.
    @Test func theBundledQuotesAreTheText() {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        #expect(catalog.failures.isEmpty)
        // Every act has its text, but the law of 31 May 1990 and the CGCT, which their sources only sum up.
        #expect(catalog.deliberations.acts.values.filter { $0.text == nil }.map(\.key).sorted() == ["cgct", "loi-90-449"])
        #expect(catalog.schemes.values.flatMap(\.sources).filter { $0.act == "loi-90-449" || $0.act == "cgct" }.allSatisfy { $0.quote == nil })
        #expect(QuoteCheck.problems(in: catalog).flatMap(\.diagnostics).map(\.description) == [])
    }
}

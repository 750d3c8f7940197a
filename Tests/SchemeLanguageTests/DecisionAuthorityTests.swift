import Platform
import Testing
@testable import SchemeLanguage

/// Who decides on a scheme's applications (`authority.decides` and its `source`), and the names
/// an authority gives its bodies in `deliberations.yaml`.
@Suite struct DecisionAuthorityTests {
    typealias Shared = SharedDeliberationsTests

    /// The demo scheme of the shared-deliberations tests, with a second source to cite as the delegation.
    static func scheme(authority: String) -> String {
        Shared.scheme(authority: authority).replacing("inputs:", with: """
              delegation: {act: cd62-2020-310, lines: 1-2, quote: Texte de la délégation.}
            inputs:
            """)
    }

    static func errors(_ text: String, with deliberations: SharedDeliberations = Shared.deliberations()) -> [Diagnostic] {
        Shared.errors(text, with: deliberations)
    }

    // MARK: Accepted forms

    @Test func theKeyFormNamesTheAuthorityTheBodyAndItsSource() throws {
        let scheme = try Shared.load(Self.scheme(authority: "{id: cd62, decides: commission-permanente, source: delegation}")).get()
        #expect(scheme.authority.name == "Département du Pas-de-Calais")
        let decided = try #require(scheme.decidedBy)
        #expect(decided.body == .standingCommittee)
        #expect(decided.source == "delegation")
        #expect(scheme.authority.name(of: decided.body) == "La Commission permanente du Conseil départemental")
    }

    @Test(arguments: [("président-par-délégation", DecidingBody.presidentByDelegation), ("assemblée", .assembly)])
    func eachBodyIsRead(_ written: String, _ body: DecidingBody) throws {
        let text = Self.scheme(authority: """

              id: cd62
              decides: \(written)
              source: delegation
            """)
        let scheme = try Shared.load(text).get()
        #expect(scheme.decidedBy?.body == body)
        #expect(scheme.decidedBy?.source == "delegation")
    }

    /// The assembly decides by its own competence: it may cite no delegation.
    @Test func theAssemblyNeedsNoSource() throws {
        let scheme = try Shared.load(Self.scheme(authority: "{id: cd62, decides: assemblée}")).get()
        #expect(scheme.decidedBy?.body == .assembly)
        #expect(scheme.decidedBy?.source == nil)
    }

    /// The article of the CGCT that grounds the body's power, as its acts cite it; optional.
    @Test func theArticleOfTheCodeIsReadWithTheBody() throws {
        let scheme = try Shared.load(Self.scheme(authority: "{id: cd62, decides: président-par-délégation, source: delegation, cgct_article: L. 3221-12-1}")).get()
        #expect(scheme.decidedBy?.body == .presidentByDelegation)
        #expect(scheme.decidedBy?.cgctArticle == "L. 3221-12-1")
        let without = try Shared.load(Self.scheme(authority: "{id: cd62, decides: commission-permanente, source: delegation}")).get()
        #expect(without.decidedBy?.cgctArticle == nil)
    }

    /// The bundled schemes: L. 3211-2 for the Commission permanente (PDESI), L. 3221-12-1 for
    /// the President's FSL delegation, none where the President acts on another text.
    @Test func theBundledSchemesStateTheirBodysArticle() throws {
        let expected: [String: String?] = ["pdesi": "L. 3211-2", "fsl-acces": "L. 3221-12-1", "medecins-salaries": nil,
                                           "fonds-dettes-loyer": nil, "fonds-solvabilisation": nil,
                                           "itineraires-cyclables-colleges": "L. 3211-2"]
        let shared = DeliberationsLoader.load(path: Self.repositoryFile("Rules/deliberations.yaml")).deliberations
        for (id, article) in expected {
            let file = Self.repositoryFile("Rules/\(id).yaml")
            let scheme = try SchemeLoader.load(bytes: try RegularFile.read(file), file: file, deliberations: shared).get()
            #expect(scheme.decidedBy?.cgctArticle == article, "\(id)")
        }
    }

    /// A scheme on its own writes its authority in full; who decides is optional there.
    @Test func anAuthorityWrittenInFullMaySayWhoDecides() throws {
        let text = Fixture.header.replacing("  court: tribunal administratif de Lille\n", with: """
              court: tribunal administratif de Lille
              bodies: {président-par-délégation: Le Président du Conseil départemental}
              decides: président-par-délégation
              source: delib

            """) + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
        let scheme = try Shared.load(text, with: .none).get()
        #expect(scheme.decidedBy?.body == .presidentByDelegation)
        #expect(scheme.decidedBy?.source == "delib")
        #expect(scheme.authority.name(of: .presidentByDelegation) == "Le Président du Conseil départemental")
        #expect(scheme.authority.name(of: .standingCommittee) == nil)
        let silent = Fixture.header + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
        #expect(try Shared.load(silent, with: .none).get().decidedBy == nil)
    }

    // MARK: Errors, each located

    /// In a folder with a shared file, `authority: cd62` alone still finds the authority, but is
    /// refused: every scheme there says who decides.
    @Test func aBareKeyInAFolderWithSharedDeliberationsAsksWhoDecides() throws {
        let text = Self.scheme(authority: "cd62")
        let errors = Self.errors(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.hasPrefix("dites qui décide des demandes : écrivez authority: {id: cd62, decides: …, source: …}"))
        #expect(error.message.contains("où decides vaut assemblée, commission-permanente ou président-par-délégation"))
        #expect(error.mark.line == 4)
        #expect(error.mark.column == 12)
        #expect(error.path == "authority")
    }

    @Test func anUnknownBodyIsLocatedAndTheThreeAreListed() throws {
        let text = Self.scheme(authority: "{id: cd62, decides: commission-permanent, source: delegation}")
        let error = try #require(Self.errors(text).first)
        #expect(error.message == "instance de décision « commission-permanent » inconnue ; vouliez-vous dire « commission-permanente » ? "
            + "Les instances sont : assemblée, commission-permanente et président-par-délégation")
        #expect(error.mark.line == 4)
        #expect(error.mark.column == 32)
        #expect(error.path == "authority.decides")
        let far = try #require(Self.errors(Self.scheme(authority: "{id: cd62, decides: maire, source: delegation}")).first)
        #expect(far.message == "instance de décision « maire » inconnue ; les instances sont : assemblée, commission-permanente et président-par-délégation")
    }

    @Test func aSourceThatIsNotTheSchemesIsLocated() throws {
        let text = Self.scheme(authority: """

              id: cd62
              decides: commission-permanente
              source: delegaton
            """)
        let errors = Self.errors(text)
        #expect(errors.map(\.message) == ["source « delegaton » inconnue ; vouliez-vous dire « delegation » ?"])
        let error = try #require(errors.first)
        #expect(error.mark.line == Fixture.line(of: "source: delegaton", in: text))
        #expect(error.mark.column == 11)
        #expect(error.path == "authority.source")
    }

    @Test func aDelegatedBodyMustCiteItsDelegation() throws {
        let text = Self.scheme(authority: "{id: cd62, decides: président-par-délégation}")
        let errors = Self.errors(text)
        #expect(errors.map(\.message) == ["champ « source » manquant : l'identifiant de la source (sous « sources ») qui cite l'acte "
            + "déléguant les décisions à l'instance « président-par-délégation »"])
        #expect(errors.first?.mark.line == 4)
        #expect(errors.first?.path == "authority")
    }

    @Test func aFolderWithSharedDeliberationsRequiresWhoDecides() throws {
        let errors = Self.errors(Self.scheme(authority: "{id: cd62}"))
        #expect(errors.map(\.message) == ["champ « decides » manquant : qui décide des demandes : "
            + "assemblée, commission-permanente ou président-par-délégation"])
        #expect(errors.first?.path == "authority")
        let noKey = Self.errors(Self.scheme(authority: "{decides: assemblée}"))
        #expect(noKey.map(\.message) == ["champ « id » manquant : la clé d'une autorité de deliberations.yaml, comme cd62"])
    }

    @Test func aSourceWithoutABodyIsRefused() throws {
        let text = Fixture.header.replacing("  court: tribunal administratif de Lille\n",
                                            with: "  court: tribunal administratif de Lille\n  source: delib\n")
            + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
        let errors = Self.errors(text, with: .none)
        #expect(errors.map(\.message) == ["« source » cite le texte qui donne son pouvoir de l'instance que nomme « decides » : "
            + "ajoutez « decides » (assemblée, commission-permanente ou président-par-délégation)"])
        #expect(errors.first?.path == "authority.source")
    }

    @Test func anArticleNotWrittenAsActsPrintItIsLocated() throws {
        let text = Self.scheme(authority: """

              id: cd62
              decides: commission-permanente
              source: delegation
              cgct_article: article L3211-2
            """)
        let errors = Self.errors(text)
        #expect(errors.map(\.message) == ["attendu un article du code général des collectivités territoriales tel que les actes l'impriment, "
            + "comme L. 3211-2 ou L. 3221-12-1, trouvé « article L3211-2 »"])
        #expect(errors.first?.mark.line == Fixture.line(of: "cgct_article:", in: text))
        #expect(errors.first?.mark.column == 17)
        #expect(errors.first?.path == "authority.cgct_article")
    }

    @Test func anArticleWithoutABodyIsRefused() throws {
        let text = Fixture.header.replacing("  court: tribunal administratif de Lille\n",
                                            with: "  court: tribunal administratif de Lille\n  cgct_article: L. 3211-2\n")
            + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
        let errors = Self.errors(text, with: .none)
        #expect(errors.map(\.message) == ["« cgct_article » nomme l'article du code général des collectivités territoriales qui fonde "
            + "le pouvoir de l'instance que nomme « decides » : ajoutez « decides » (assemblée, commission-permanente ou président-par-délégation)"])
        #expect(errors.first?.path == "authority.cgct_article")
    }

    @Test func aMisspeltFieldOfTheAuthorityIsSuggested() throws {
        let errors = Self.errors(Self.scheme(authority: "{id: cd62, decide: assemblée}"))
        #expect(errors.map(\.message).contains("champ « decide » inconnu ; vouliez-vous dire « decides » ?"))
        #expect(errors.contains { $0.path == "authority.decide" && $0.mark.column == 23 })
    }

    /// A body the authority does not name could not be written in a document.
    @Test func aBodyTheAuthorityDoesNotNameIsRefusedAtTheScheme() throws {
        let shared = Shared.deliberations(Shared.shared.replacing("      commission-permanente: La Commission permanente du Conseil départemental\n", with: ""))
        let text = Self.scheme(authority: "{id: cd62, decides: commission-permanente, source: delegation}")
        let error = try #require(Self.errors(text, with: shared).first)
        #expect(error.message == "l'autorité « cd62 » de deliberations.yaml ne donne pas de nom à l'instance « commission-permanente » : "
            + "ajoutez-le sous « bodies », avec son article, tel que les documents l'impriment")
        #expect(error.path == "authority.decides")
        #expect(error.mark.column == 32)
    }

    // MARK: The bodies' names in deliberations.yaml

    @Test func theAuthorityNamesItsBodiesForDocuments() throws {
        let authority = try #require(Shared.deliberations().authorities["cd62"])
        #expect(authority.name(of: .assembly) == "Le Conseil départemental")
        #expect(authority.name(of: .standingCommittee) == "La Commission permanente du Conseil départemental")
        #expect(authority.name(of: .presidentByDelegation) == "Le Président du Conseil départemental")
    }

    @Test func theBundledAuthorityNamesItsThreeBodies() throws {
        let loaded = DeliberationsLoader.load(path: Self.repositoryFile("Rules/deliberations.yaml"))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let authority = try #require(loaded.deliberations.authorities["cd62"])
        #expect(DecidingBody.allCases.allSatisfy { authority.name(of: $0) != nil })
        #expect(authority.name(of: .standingCommittee) == "La Commission permanente du Conseil départemental")
    }

    @Test func anUnknownBodyInTheSharedFileIsLocatedAndBreaksTheAuthority() throws {
        let text = Shared.shared.replacing("      assemblée: Le Conseil départemental", with: "      assemblee: Le Conseil départemental")
        let loaded = DeliberationsLoader.load(text: text, file: "deliberations.yaml")
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message == "instance de décision « assemblee » inconnue ; vouliez-vous dire « assemblée » ? "
            + "Les instances sont : assemblée, commission-permanente et président-par-délégation")
        #expect(error.mark.line == Fixture.line(of: "assemblee:", in: text))
        #expect(error.mark.column == 7)
        #expect(error.path == "authorities.cd62.bodies")
        #expect(loaded.deliberations.brokenAuthorities == ["cd62"])
        let citing = try #require(Self.errors(Self.scheme(authority: "{id: cd62, decides: assemblée}"), with: loaded.deliberations).first)
        #expect(citing.message == "l'autorité « cd62 » contient des erreurs dans deliberations.yaml : corrigez-les d'abord")
        #expect(citing.path == "authority.id")
    }

    @Test func aBodyNameWithoutItsArticleIsRefused() throws {
        let text = Shared.shared.replacing("commission-permanente: La Commission", with: "commission-permanente: Commission")
        let loaded = DeliberationsLoader.load(text: text, file: "deliberations.yaml")
        let error = try #require(loaded.diagnostics.first)
        #expect(error.message.hasPrefix("écrivez le nom avec son article, tel que les documents l'impriment"))
        #expect(error.mark.line == Fixture.line(of: "commission-permanente: Commission", in: text))
        #expect(error.mark.column == 30)
        #expect(error.path == "authorities.cd62.bodies.commission-permanente")
    }

    // MARK: The rules fingerprint

    @Test func renamingABodyChangesTheFingerprintOfTheSchemesOfItsAuthority() throws {
        let text = Self.scheme(authority: "{id: cd62, decides: président-par-délégation, source: delegation}")
        let base = try Shared.load(text).get().rulesHash
        let renamed = Shared.shared.replacing("commission-permanente: La Commission permanente du Conseil départemental",
                                              with: "commission-permanente: La Commission permanente")
        #expect(try Shared.load(text, with: Shared.deliberations(renamed)).get().rulesHash != base)
        let president = Shared.shared.replacing("président-par-délégation: Le Président du Conseil départemental",
                                                with: "président-par-délégation: La Présidente du Conseil départemental")
        #expect(try Shared.load(text, with: Shared.deliberations(president)).get().rulesHash != base)
        // The same names, written in another order, leave it as it was.
        let reordered = Shared.shared.replacing("""
                  assemblée: Le Conseil départemental
                  commission-permanente: La Commission permanente du Conseil départemental
            """, with: """
                  commission-permanente: La Commission permanente du Conseil départemental
                  assemblée: Le Conseil départemental
            """)
        #expect(reordered != Shared.shared)
        #expect(try Shared.load(text, with: Shared.deliberations(reordered)).get().rulesHash == base)
    }

    /// The repository's files, found from this source file's place.
    static func repositoryFile(_ path: String) -> String {
        let here = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        return (here.dropLast(3) + [Substring(path)]).joined(separator: "/")
    }
}

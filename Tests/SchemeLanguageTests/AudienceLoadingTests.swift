import Testing
@testable import SchemeLanguage

/// `beneficiaries` and `themes`: what loads, and where each mistake is reported, in French.
@Suite struct AudienceLoadingTests {
    func scheme(_ fields: String) -> String {
        Fixture.header + fields + "eligibility:\n  - {id: c, label: C, failure: F, when: \"true\"}\n"
    }

    @Test func theListsLoadInTheirOrder() throws {
        let scheme = try Fixture.load(scheme("beneficiaries: [commune, epci, etablissement-public]\nthemes: [tourisme, sport]\n")).get()
        #expect(scheme.beneficiaries == [.commune, .epci, .etablissementPublic])
        #expect(scheme.themes == [.tourisme, .sport])
    }

    @Test func withoutThemTheListsAreEmpty() throws {
        let scheme = try Fixture.load(scheme("")).get()
        #expect(scheme.beneficiaries.isEmpty)
        #expect(scheme.themes.isEmpty)
    }

    @Test func aMisspeltWordIsRefusedAtItWithTheClosestWord() throws {
        let text = scheme("themes: [sport, tourism]\n")
        let errors = Fixture.errors(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.hasPrefix("thème inconnu « tourism » ; vouliez-vous dire « tourisme » ?"), "\(error.message)")
        #expect(error.path == "themes[1]")
        #expect(error.mark.line == Fixture.line(of: "themes:", in: text))
        #expect(error.mark.column == "themes: [sport, ".count + 1)
    }

    @Test func anUnknownBeneficiaryListsTheWords() throws {
        let error = try #require(Fixture.errors(scheme("beneficiaries: [département]\n")).first)
        #expect(error.message.contains("bénéficiaire inconnu « département »"), "\(error.message)")
        #expect(error.message.contains("commune, epci, association, personne, entreprise, etablissement-public"))
        #expect(error.path == "beneficiaries[0]")
    }

    @Test func aWordTwiceAnEmptyListAndAScalarAreRefused() throws {
        let twice = try #require(Fixture.errors(scheme("beneficiaries: [commune, commune]\n")).first)
        #expect(twice.message == "« commune » figure deux fois dans beneficiaries")
        #expect(twice.path == "beneficiaries[1]")
        let empty = try #require(Fixture.errors(scheme("themes: []\n")).first)
        #expect(empty.message.hasPrefix("themes est vide"), "\(empty.message)")
        let scalar = try #require(Fixture.errors(scheme("themes: sport\n")).first)
        #expect(scalar.message.hasPrefix("themes attend une liste"), "\(scalar.message)")
        #expect(scalar.path == "themes")
    }
}

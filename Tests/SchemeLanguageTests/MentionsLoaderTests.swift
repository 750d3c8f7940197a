import Testing
@testable import SchemeLanguage

/// A rules folder's `mentions.yaml`: every text required, every placeholder checked, every
/// problem located; and the kind of beneficiary the texts are chosen by.
@Suite struct MentionsLoaderTests {
    static let valid = """
        pieces:
          deadline_days: 30
          personne-physique: Au {service}, sous {délai}.
          personne-morale-privee: Au {service}, sous {délai}.
          personne-publique: Sous {délai}.
        algorithm:
          act: "{décision} repose sur un traitement algorithmique ({dispositif})."
          simulation: Information ({dispositif}).
        personal_data: >-
          Responsable : {responsable}.

          Durée : {durée}.
        appeal:
          personne-physique: "{décision} : recours devant le {tribunal}."
          personne-morale-privee: "{décision} : recours devant le {tribunal}."
          personne-publique: "{décision} : Télérecours."
        schemes:
          aide:
            pieces_deadline_days: 45
            personal_data: {retention: cinq ans}
          autre:
            personal_data: true

        """

    static func load(_ text: String) -> (mentions: Mentions?, diagnostics: [Diagnostic]) {
        MentionsLoader.load(text: text, file: "mentions.yaml")
    }

    @Test func aValidFileGivesEachTextAndSetting() throws {
        let loaded = Self.load(Self.valid)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let mentions = try #require(loaded.mentions)
        #expect(mentions.piecesDeadline(scheme: "aide") == 45)
        #expect(mentions.piecesDeadline(scheme: "autre") == 30)
        #expect(mentions.schemes["aide"]?.personalData == Mentions.PersonalData(retention: "cinq ans"))
        #expect(mentions.schemes["autre"]?.personalData == Mentions.PersonalData())
        #expect(mentions.personalData.paragraphs(["responsable": "le Département", "durée": "un an"]) == ["Responsable : le Département.", "Durée : un an."])
        #expect(mentions.appeal[.publicBody].paragraphs(["décision": "Cette décision"]) == ["Cette décision : Télérecours."])
    }

    @Test func anUnknownPlaceholderIsLocatedWithTheNamesAllowed() {
        let text = Self.valid.replacing("Sous {délai}.", with: "Sous {delai}.")
        let loaded = Self.load(text)
        #expect(loaded.mentions == nil)
        let diagnostic = loaded.diagnostics.first
        #expect(loaded.diagnostics.count == 1)
        #expect(diagnostic?.mark.line == 5)
        #expect(diagnostic?.path == "pieces.personne-publique")
        #expect(diagnostic?.message == "repère « {delai} » inconnu ; vouliez-vous dire « {délai} » ? Ce texte peut employer {délai}, {service}")
    }

    @Test func aPlaceholderOfAnotherTextIsRefused() {
        let loaded = Self.load(Self.valid.replacing("Information ({dispositif}).", with: "Information ({tribunal})."))
        #expect(loaded.diagnostics.map(\.path) == ["algorithm.simulation"])
    }

    @Test func aBraceLeftOpenIsLocated() {
        let loaded = Self.load(Self.valid.replacing("Au {service}, sous {délai}.\n  personne-morale", with: "Au {service, sous {délai}.\n  personne-morale"))
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.mark.line == 3)
        #expect(loaded.diagnostics.first?.message.hasPrefix("une accolade n'est pas refermée") == true)
    }

    @Test func eachKindOfBeneficiaryIsRequired() {
        let loaded = Self.load(Self.valid.replacing("  personne-publique: \"{décision} : Télérecours.\"\n", with: ""))
        #expect(loaded.mentions == nil)
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.mark.line == 14, "at the mapping that lacks it")
        #expect(loaded.diagnostics.first?.path == "appeal")
        #expect(loaded.diagnostics.first?.message.hasPrefix("champ « personne-publique » manquant") == true)
    }

    @Test(arguments: ["0", "366", "trente", "30.5"])
    func theDeadlineIsAWholeNumberOfDaysUpToAYear(_ days: String) {
        let loaded = Self.load(Self.valid.replacing("deadline_days: 30", with: "deadline_days: \(days)"))
        #expect(loaded.diagnostics.map(\.path) == ["pieces.deadline_days"])
        #expect(loaded.diagnostics.first?.mark.line == 2)
    }

    @Test func anUnknownFieldIsRefusedWithASuggestion() {
        let loaded = Self.load(Self.valid.replacing("    personal_data: {retention: cinq ans}", with: "    personal_data: {retension: cinq ans}"))
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.path == "schemes.aide.personal_data.retension")
        #expect(loaded.diagnostics.first?.message.contains("vouliez-vous dire « retention » ?") == true)
    }

    // MARK: - The kind of beneficiary

    @Test(arguments: [
        ("ménage", nil, BeneficiaryKind.naturalPerson), ("jeune majeur", nil, .naturalPerson), (nil, nil, .naturalPerson),
        ("association", nil, .privateBody), ("Association", "12345678900011", .privateBody), ("entreprise", "12345678900011", .privateBody),
        ("commune", nil, .publicBody), ("EPCI", "24620000200011", .publicBody), ("syndicat mixte", nil, .publicBody),
        ("département", nil, .publicBody),
    ] as [(String?, String?, BeneficiaryKind)])
    func theKindOfBeneficiaryFollowsTheApplicant(_ kind: String?, _ siret: String?, _ expected: BeneficiaryKind) {
        #expect(Application.Applicant(name: "X", kind: kind, address: nil, siret: siret).beneficiaryKind == expected)
    }

    /// A legal person that does not say whether it is public or private is not guessed.
    @Test(arguments: [("syndicat", nil), ("groupement", nil), (nil, "12345678900011"), ("ménage", "12345678900011")] as [(String?, String?)])
    func aLegalPersonOfUnknownNatureHasNoKind(_ kind: String?, _ siret: String?) {
        #expect(Application.Applicant(name: "X", kind: kind, address: nil, siret: siret).beneficiaryKind == nil)
    }
}

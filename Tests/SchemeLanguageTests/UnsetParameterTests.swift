import ExactDecimal
import SchemeLanguage
import Testing
import YAMLReader

/// A value the text does not give is declared `unset: true`, with its type, until the
/// deployment sets it (`guichet.yaml`'s `parameters`, or `--parametres FICHIER`).
@Suite struct UnsetParameterTests {
    static let scheme = Fixture.header + """
        parameters:
          enveloppe:
            label: Enveloppe de l'appel
            type: money
            unset: true
            source: delib
          taux:
            label: Taux
            value: 50 %
        eligibility:
          - {id: toujours, label: Toujours, failure: Jamais., when: "true"}

        """

    func loaded(_ text: String = Self.scheme) throws -> Scheme {
        try Fixture.load(text).get()
    }

    func settings(_ yaml: String) throws -> [ParameterSetting] {
        let (deployment, diagnostics) = DeploymentLoader.load(text: yaml, file: "guichet.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(deployment).parameters
    }

    @Test func anUnsetParameterHasItsTypeAndNoValue() throws {
        let parameter = try #require(try loaded().parameters.first)
        #expect(parameter.isUnset && parameter.type == .money && parameter.versions.isEmpty)
        #expect(FrenchFormat.versions(of: parameter) == "non fixée : le texte ne la donne pas (à fixer dans guichet.yaml, parameters)")
        #expect(parameter.unsetMessage(scheme: "demo") == "le paramètre « enveloppe » du dispositif demo (« Enveloppe de l'appel ») n'a pas de valeur : "
                + "le texte ne la donne pas (unset: true). Fixez-la dans guichet.yaml, sous parameters: {demo: {enveloppe: …}}, "
                + "ou dans un fichier de paramètres donné par --parametres FICHIER")
    }

    @Test func anUnsetParameterDeclaresItsTypeAndWritesNoValue() {
        let untyped = Fixture.errors(Self.scheme.replacing("    type: money\n    unset: true", with: "    unset: true"))
        #expect(untyped.map(\.description) == [
            "demo.yaml:17:12: erreur : un paramètre sans valeur (unset: true) déclare son type, qu'aucune valeur ne donne : "
                + "type: money, rate, integer, number, date, boolean ou text [parameters.enveloppe.unset]",
        ])
        let valued = Fixture.errors(Self.scheme.replacing("    unset: true", with: "    unset: true\n    value: 150 000 €"))
        #expect(valued.map(\.description) == [
            "demo.yaml:19:12: erreur : un paramètre sans valeur (unset: true) n'en écrit aucune : retirez « value », "
                + "ou retirez unset pour donner la valeur que le texte fixe [parameters.enveloppe.value]",
        ])
        let neither = Fixture.errors(Self.scheme.replacing("    unset: true\n", with: ""))
        #expect(neither.map(\.message) == ["champ « value » manquant (ou « versions » pour des valeurs qui changent avec la date de décision, "
                                            + "ou « unset: true » avec un « type » quand le texte ne donne pas la valeur)"])
    }

    @Test func theDeploymentSetsItWithAValueOfItsTypeAndTheFingerprintChanges() throws {
        let scheme = try loaded()
        let given = try settings("parameters:\n  demo:\n    enveloppe: 150 000 €\n")
        #expect(given.map(\.value) == ["150 000 €"] && given.first?.fictitious == false)
        let (schemes, diagnostics) = ParameterSettings.apply(given, to: ["demo": scheme])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let set = try #require(schemes["demo"])
        let parameter = try #require(set.parameters.first)
        #expect(!parameter.isUnset && parameter.value(on: nil) == .money(DecimalNumber(150_000)))
        #expect(FrenchFormat.versions(of: parameter) == "150\u{202F}000,00\u{00A0}€")
        #expect(set.rulesHash != scheme.rulesHash, "the decisions depend on the value given")
        let again = ParameterSettings.apply(given, to: ["demo": scheme]).schemes["demo"]
        #expect(again?.rulesHash == set.rulesHash, "the same value, the same fingerprint")
        let other = ParameterSettings.apply(try settings("parameters: {demo: {enveloppe: 100 000 €}}\n"), to: ["demo": scheme]).schemes["demo"]
        #expect(other?.rulesHash != set.rulesHash)
    }

    @Test func aFictitiousValueSaysSoWhereverItIsShown() throws {
        let given = try settings("parameters:\n  demo:\n    enveloppe: {value: 150 000 €, fictitious: true}\n")
        let set = try #require(ParameterSettings.apply(given, to: ["demo": try loaded()]).schemes["demo"])
        let parameter = try #require(set.parameters.first)
        #expect(parameter.version(on: nil)?.fictitious == true)
        #expect(FrenchFormat.versions(of: parameter) == "150\u{202F}000,00\u{00A0}€ (valeur fictive, pour les essais)")
    }

    @Test func onlyAnUnsetParameterOfALoadedSchemeIsSetOnceWithAValueOfItsType() throws {
        let yaml = """
            parameters:
              demo:
                taux: 60 %
                enveloppes: 1 €
                enveloppe: 50 %
              demi: {enveloppe: 1 €}

            """
        let (_, diagnostics) = ParameterSettings.apply(try settings(yaml), to: ["demo": try loaded()])
        #expect(diagnostics.map(\.description) == [
            "guichet.yaml:3:5: erreur : le paramètre « taux » du dispositif demo a la valeur que le texte lui donne (50\u{00A0}%) : on ne fixe ici "
                + "que les paramètres déclarés sans valeur (unset: true) ; pour en essayer une autre, écrivez une réforme (guichet simulate --reform) "
                + "[parameters.demo.taux]",
            "guichet.yaml:4:5: erreur : « enveloppes » n'est pas un paramètre du dispositif demo ; vouliez-vous dire « enveloppe » ? [parameters.demo.enveloppes]",
            "guichet.yaml:5:16: erreur : attendu un montant en euros, comme 150 000 €, trouvé « 50 % », pour « enveloppe » du dispositif demo "
                + "[parameters.demo.enveloppe]",
            "guichet.yaml:6:3: erreur : « demi » n'est pas un dispositif chargé des règles ; vouliez-vous dire « demo » ? [parameters.demi]",
        ])
        let twice = try settings("parameters:\n  demo:\n    enveloppe: 1 €\n") + (try settings("parameters:\n  demo:\n    enveloppe: 2 €\n"))
        #expect(ParameterSettings.apply(twice, to: ["demo": try loaded()]).diagnostics.map(\.message)
                == ["le paramètre « enveloppe » du dispositif demo a déjà une valeur (guichet.yaml:3:5) : donnez-la une seule fois"])
    }

    @Test func aParametersSectionIsMappedBySchemeThenParameter() {
        let (deployment, diagnostics) = DeploymentLoader.load(text: "parameters: {demo.enveloppe: 1 €}\n", file: "guichet.yaml")
        #expect(deployment == nil)
        #expect(diagnostics.map(\.description) == [
            "guichet.yaml:1:30: erreur : attendu les paramètres du dispositif et leurs valeurs : {demo.enveloppe: {enveloppe_appel: 150 000 €}} ; "
                + "trouvé « 1 € » [parameters.demo.enveloppe]",
        ])
    }
}

/// Interpretations say whom they are for; sources give a quote, a summary, or both.
@Suite struct AudienceAndSummaryTests {
    static func scheme(_ interpretation: String) -> String {
        Fixture.header + """
            eligibility:
              - {id: toujours, label: Toujours, failure: Jamais., when: "true"}
            interpretation:
              choix:
                question: Quelle lecture ?
                choice: Celle-ci.
            \(interpretation)
            """
    }

    @Test func anInterpretationIsPublicOrInternal() throws {
        let note = try Fixture.load(Self.scheme("    audience: internal")).get()
        #expect(note.interpretations.map(\.audience) == [.internal])
        let missing = Fixture.errors(Self.scheme(""))
        #expect(missing.map(\.message) == ["champ « audience » manquant : public (comment le texte a été appliqué : imprimée dans les décisions) "
                                            + "ou internal (note pour les auteurs des règles : montrée par « guichet explain », jamais imprimée dans une décision)"])
        let misspelt = Fixture.errors(Self.scheme("    audience: pubic"))
        #expect(misspelt.first?.message.hasPrefix("audience « pubic » inconnue (vouliez-vous dire « public » ?) : écrivez public (") == true, "\(misspelt)")
        #expect(misspelt.first?.path == "interpretation.choix.audience")
    }

    @Test func aSourceMayGiveASummaryBesideOrInsteadOfItsQuote() throws {
        let text = Fixture.header.replacing("            quote: Texte.", with: "            quote: Texte.\n            summary: En bref.")
            .replacing("    quote: Texte.", with: "    quote: Texte.\n    summary: En bref.")
            + "eligibility:\n  - {id: toujours, label: Toujours, failure: Jamais., when: \"true\"}\n"
        let source = try #require(try Fixture.load(text).get().sources.first)
        #expect(source.quote == "Texte." && source.summary == "En bref.")
    }
}

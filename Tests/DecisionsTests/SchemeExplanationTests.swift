import Decisions
import RuleSet
import TestSupport
import Testing

/// `guichet explain`: the period of application and the dated parameters, as checkers read them.
@Suite struct SchemeExplanationTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    func explained(_ id: String) throws -> String {
        SchemeExplanation.render(try #require(catalog.schemes[id]))
    }

    @Test func thePeriodOfApplicationIsTheFirstCriterionWithItsText() throws {
        let text = try explained("pdesi")
        #expect(text.contains("""
            1. **La demande est déposée pendant la période d'application du dispositif (à compter du 9 octobre 2020).**
               - Condition : `filing_date >= 2020-10-09`
            """), "\(text)")
        #expect(text.contains("   - Texte : Délibération n°2020-309 du Conseil départemental du 28 septembre 2020, mentions de transmission et d'affichage"))
    }

    @Test func aDatedParameterSaysWhichDayPicksItsVersion() throws {
        let text = try explained("fsl-acces")
        #expect(text.contains("775,00\u{00A0}€ à compter du 1er janvier 2019 ; 1\u{202F}150,00\u{00A0}€ à compter du 7 octobre 2020 (version en vigueur à la date de la décision)"),
                "\(text)")
        // A parameter with a single value says nothing of the kind.
        #expect(text.contains("| `ouverture_jeunes_cjm` | Date d'ouverture de l'aide à l'accès aux jeunes issus de l'ASE sous contrat jeune majeur | 7 octobre 2020 | Délibération"))
    }

    /// Every interpretation, public or internal, says what it applies to: what decides whether
    /// a refusal prints it.
    @Test func eachInterpretationSaysWhatItAppliesTo() throws {
        let text = try explained("pdesi")
        let annual = try #require(text.range(of: "- **Comment appliquer le plafond « par an et par maître d'ouvrage » des E.S.I. inscrits ?**"))
        let next = text[annual.upperBound...].split(separator: "\n", maxSplits: 2)
        #expect(next.count > 1 && next[1] == "  - S'applique à : critère n°8 (`plafond-annuel-disponible`), limite `aides_annee`, étape `plafond_disponible`",
                "\(next)")
        #expect(text.contains("Les projets retenus dans la limite de l'enveloppe lui sont proposés.\n  - S'applique à : tout le dispositif\n"))
        #expect(text.contains("*(Note interne pour les auteurs des règles : jamais imprimée dans une décision.)*\n  - S'applique à : paramètre `enveloppe_appel`\n"))
    }

    /// The fiche of 2020-312 is marked as context; the law and the règlement intérieur are not.
    @Test func aSourceReadForContextIsMarked() throws {
        let text = try explained("fsl-acces")
        let context = "  - Texte de contexte : il décrit les règles et peut être cité, mais ne fonde pas les décisions (aucun « Vu »)."
        #expect(text.contains("- **forfait-mobilier** : Délibération n°2020-312 du Conseil départemental du 28 septembre 2020, annexe, fiche action 2020-22 (modifications annoncées du règlement intérieur du FSL), lignes 12128 à 12132\n\(context)"))
        #expect(!text.contains("- **loi-fsl** : Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement, articles 6 à 6-2\n\(context)"))
        #expect(text.contains("- **loi-fsl** : Loi n°90-449 du 31 mai 1990 visant à la mise en œuvre du droit au logement, articles 6 à 6-2\n"))
    }
}

/// A parameter whose `date` names another day says which.
@Suite struct DatedParameterExplanationTests {
    @Test func aParameterChosenByTheFilingDateSaysSo() throws {
        let scheme = try Load.scheme(DemoScheme.header() + """
            parameters:
              forfait:
                label: Forfait
                versions: {2019-01-01: 775 €, 2020-10-07: 1 150 €}
                date: filing_date
            eligibility:
              - {id: c, label: C, failure: F, when: "true"}
            """)
        #expect(SchemeExplanation.render(scheme).contains("à compter du 7 octobre 2020 (version retenue selon `filing_date`)"))
    }
}

/// `explain` says what to write in an application: `true`/`false`, codes beside their labels.
@Suite struct ExplainedAnswersTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))

    @Test func eachInputSaysWhatToWrite() throws {
        let text = SchemeExplanation.render(try #require(catalog.schemes["pdesi"]))
        #expect(text.contains("| Information | Question | À écrire dans la demande | Pièce justificative | Confirmée par l'instructeur |"))
        #expect(text.contains("| `true` (oui) ou `false` (non) | Accord écrit du propriétaire validant le projet d'aménagement | oui |"))
        #expect(text.contains("un code parmi : `inscrit_1` (E.S.I. inscrit au P.D.E.S.I. en 1re catégorie) ; `inscrit_2`"))
        #expect(text.contains("une liste de codes (`[code, code]`, `[]` pour aucun) parmi : `perennisation_acces` (Pérennisation"))
        #expect(text.contains("montant en euros (`60 000 €`, `12 500,50 €`)"))
        #expect(!text.contains("oui / non"))
    }
}

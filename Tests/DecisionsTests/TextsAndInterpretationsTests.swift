import Decisions
import Evaluator
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// What a document prints of its texts: a quote between « », a summary as plain text, never
/// between « »; the interpretations that say how the text was applied, never the notes for the
/// authors of the rules.
@Suite struct TextsAndInterpretationsTests {
    /// A scheme whose only criterion cites a source that gives a summary and no quote, and
    /// whose interpretations are one public, one internal.
    static func scheme(source: String) throws -> Scheme {
        try Load.scheme("""
            id: resume
            title: Aide d'essai
            kind: individual-aid
            authority:
              name: Département du Pas-de-Calais
              signatory: Le Président du Conseil départemental
              court: tribunal administratif de Lille
            sources:
              tableau:
                deliberation: Délibération n°2020-999 du 28 septembre 2020
                article: article 2
                lines: 10-12
            \(source)
            inputs:
              a: {type: boolean, question: A ?, statement: {true: Oui., false: Non.}}
            eligibility:
              - {id: condition-a, label: A, failure: Pas A., when: a, source: tableau}
            interpretation:
              lecture:
                audience: public
                question: Comment lire le tableau ?
                choice: Ligne par ligne.
              note:
                audience: internal
                question: Que faut-il revoir ?
                choice: Le montant, quand le budget sera voté.

            """)
    }

    func refusal(_ scheme: Scheme) throws -> String {
        let text = """
            scheme: resume
            id: R-1
            filed: 2020-10-01
            applicant: {name: Commune de Test}
            facts: {a: false}
            """
        return MarkdownDecision.render(DecisionRecord(try Load.evaluate(text, scheme: scheme)))
    }

    @Test func aSummaryIsPrintedAsPlainTextNeverBetweenGuillemets() throws {
        let markdown = try refusal(try Self.scheme(source: "    summary: Le taux est de 50 %, le plafond de 40 000 €."))
        #expect(markdown.contains("**En droit.** En substance : le taux est de 50 %, le plafond de 40 000 € "
                                  + "(Délibération n°2020-999 du 28 septembre 2020, article 2, lignes 10 à 12)."), "\(markdown)")
        #expect(markdown.contains("En substance (Délibération n°2020-999 du 28 septembre 2020, article 2, lignes 10 à 12) : "
                                  + "le taux est de 50 %, le plafond de 40 000 €."))
        #expect(!markdown.contains("« Le taux"), "a summary is not the text")
    }

    @Test func aQuoteStaysBetweenGuillemetsAndItsSummaryFollowsPlain() throws {
        let markdown = try refusal(try Self.scheme(source: """
                quote: "Les taux sont fixés de la manière suivante :"
                summary: Le taux est de 50 %.
            """))
        #expect(markdown.contains("**En droit.** « Les taux sont fixés de la manière suivante : » En substance : le taux est de 50 % (Délibération"),
                "\(markdown)")
        #expect(markdown.contains("> « Les taux sont fixés de la manière suivante : »\n>\n> — Délibération n°2020-999 du 28 septembre 2020, "
                                  + "article 2, lignes 10 à 12\n\nEn substance : le taux est de 50 %."))
    }

    @Test func internalInterpretationsAreNeverPrintedInADecisionButExplainShowsThemMarked() throws {
        let scheme = try Self.scheme(source: "    quote: Texte.")
        let markdown = try refusal(scheme)
        #expect(markdown.contains("**Comment lire le tableau ?** Ligne par ligne."))
        #expect(!markdown.contains("Que faut-il revoir"), "a note for the authors of the rules is no ground of a decision")
        let explained = SchemeExplanation.render(scheme)
        #expect(explained.contains("- **Comment lire le tableau ?** Ligne par ligne.\n"))
        #expect(explained.contains("- **Que faut-il revoir ?** Le montant, quand le budget sera voté. "
                                   + "*(Note interne pour les auteurs des règles : jamais imprimée dans une décision.)*"))
    }

    /// The bundled PDESI: its table is summed up, not quoted, and its envelope note stays internal.
    @Test func thePDESIActsPrintTheTableAsASummaryAndNotTheEnvelopeNote() throws {
        let catalog = FictitiousParameters.rules()
        let scheme = try #require(catalog.schemes["pdesi"])
        let text = try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8)
        let markdown = MarkdownDecision.render(DecisionRecord(try Load.evaluate(text, scheme: scheme, decidedOn: DecisionDay.samples)))
        #expect(markdown.contains("> « Les taux de participation du Département sont fixés de la manière suivante : »"))
        #expect(markdown.contains("En substance : le tableau de l'article 2 fixe le taux de participation à 50 %"))
        #expect(!markdown.contains("« Le tableau"))
        #expect(!markdown.contains("montant de l'enveloppe"), "the envelope note is internal")
        #expect(SchemeExplanation.render(scheme).contains("**Quel est le montant de l'enveloppe de l'appel à projets ?**"))
    }
}

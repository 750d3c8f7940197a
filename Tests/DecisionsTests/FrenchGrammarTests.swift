@testable import Decisions
import Testing

/// The small grammar the acts are written with: « que » and its elision, the article of an
/// applicant's name, the end of a quoted clause.
@Suite struct FrenchGrammarTests {
    @Test(arguments: [
        ("Le porteur n'est pas habilité.", "que le porteur n'est pas habilité"),
        ("À défaut de pièce, rien n'est établi.", "qu'à défaut de pièce, rien n'est établi"),
        ("APL versée au bailleur.", "qu'APL versée au bailleur"),
        ("Un projet a déjà été aidé.", "qu'un projet a déjà été aidé"),
        ("L'E.S.I. n'est ni inscrit ni classé au P.D.E.S.I.", "que l'E.S.I. n'est ni inscrit ni classé au P.D.E.S.I."),
        ("FSL saisi.", "que FSL saisi"),
    ])
    func thatElidesBeforeAVowelAndKeepsCapitals(_ sentence: String, _ clause: String) {
        #expect(FrenchGrammar.that(sentence) == clause)
    }

    @Test func eachClauseOfASentenceTakesItsQue() {
        #expect(FrenchGrammar.thatClauses("Le FSL peut intervenir ; le fonds s'adresse aux autres ménages.")
                == "que le FSL peut intervenir ; que le fonds s'adresse aux autres ménages")
    }

    @Test func aQuotationEndsWhereTheActGoesOn() {
        #expect(FrenchGrammar.withoutFinalStop("insertion professionnelle ;") == "insertion professionnelle")
        #expect(FrenchGrammar.withoutFinalStop("les enjeux suivants :") == "les enjeux suivants")
        #expect(FrenchGrammar.withoutFinalStop("au P.D.E.S.I.") == "au P.D.E.S.I.", "an abbreviation keeps its point")
    }

    @Test func aFactTheGroundAlreadyStatesIsNotRepeated() {
        let ground = "Le projet d'aménagement n'a pas été validé par le propriétaire du site."
        #expect(FrenchGrammar.thatSeries(["Le propriétaire du site n'a pas validé le projet d'aménagement."], besides: ground) == nil)
        #expect(FrenchGrammar.thatSeries(["Le jeune est né le 1er octobre 1995."], besides: "Le jeune n'a pas entre 18 et 24 ans.")
                == "que le jeune est né le 1er octobre 1995")
        // Most of its words in the ground, but not what it says: kept.
        #expect(FrenchGrammar.thatSeries(["Le demandeur n'est pas issu de l'aide sociale à l'enfance."],
                                         besides: "Le demandeur ne relève pas de l'aide aux jeunes issus de l'aide sociale à l'enfance.")
                == "que le demandeur n'est pas issu de l'aide sociale à l'enfance")
    }

    @Test func aHouseholdIsNamedAsASentenceSaysIt() {
        #expect(FrenchGrammar.to("Famille Lambert") == "à la famille Lambert")
        #expect(FrenchGrammar.by("Commune de Wimereux") == "par la Commune de Wimereux")
        #expect(FrenchGrammar.to("Syndicat mixte du Montreuillois") == "au Syndicat mixte du Montreuillois")
        #expect(FrenchGrammar.to("Sandrine Petit") == "à Sandrine Petit")
    }

    /// A name whose first word is plain ASCII takes its article from its bytes; the others by
    /// the words: both give the article a sentence needs, whatever the case, the accents and the
    /// spaces.
    @Test(arguments: [
        ("Commune de Wimereux", "la Commune de Wimereux"), ("COMMUNE d'Arras", "la COMMUNE d'Arras"),
        ("Association Les Amis", "l'Association Les Amis"), ("Office de tourisme", "l'Office de tourisme"),
        ("Union sportive", "l'Union sportive"), ("Établissement public", "l'Établissement public"),
        ("Région Hauts-de-France", "la Région Hauts-de-France"), ("Département", "le Département"),
        ("Club", "le Club"), ("Club ", "le Club "), ("Communes réunies", "Communes réunies"),
        ("Famille Lambert", "la famille Lambert"), ("Demandeur n°1", "Demandeur n°1"), (" Commune", "la  Commune"),
        ("", ""), ("Commune \u{301}x", "Commune \u{301}x"), ("Comité des fêtes", "le Comité des fêtes"),
    ])
    func theArticleOfAName(_ name: String, _ phrase: String) {
        #expect(FrenchGrammar.nominal(name) == phrase)
    }
}

import Platform
import Testing

/// The words that open every line the tool prints on standard error, and where they stand.
@Suite struct MessageKindTests {
    @Test func aLineHasItsPlaceFirstThenItsFrenchWord() {
        #expect(MessageKind.error.line("champ « id » manquant", at: "demo.yaml:3:1") == "demo.yaml:3:1: erreur : champ « id » manquant")
        #expect(MessageKind.warning.line("aucun registre ici", at: ".guichet/registre.sqlite")
            == ".guichet/registre.sqlite: avertissement : aucun registre ici")
        #expect(MessageKind.note.line("simulation") == "note : simulation")
    }

    /// The C library speaks English unless a French locale is installed: the reasons a file
    /// meets are worded here, any other keeps the system's text with its number.
    @Test func systemReasonsAreFrench() {
        #expect(systemReason(ENOENT) == "fichier ou dossier introuvable")
        #expect(systemReason(EACCES) == "permission refusée")
        #expect(systemReason(ENOSPC) == "plus de place sur le disque")
        #expect(systemReason(EDOM).hasPrefix("erreur système \(EDOM) (« "))
    }
}

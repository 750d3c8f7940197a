import Testing
import YAMLReader

@Suite("Text content")
struct UnicodeTests {
    @Test("French text, guillemets, euro signs and narrow no-break spaces are preserved exactly")
    func frenchText() throws {
        let nnbsp = "\u{202F}"
        let nbsp = "\u{00A0}"
        let text = """
            libellé: « Aide exceptionnelle\(nnbsp)»
            montant: 1\(nnbsp)250,50\(nbsp)€
            remarque: "Ça s'applique à l'été\(nnbsp); voilà\(nnbsp)!"
            liste: [œuvre, Noël, façade]
            """
        let root = try document(text)
        #expect(root["libellé"]?.scalar == "« Aide exceptionnelle\(nnbsp)»")
        #expect(root["montant"]?.scalar == "1\(nnbsp)250,50\(nbsp)€")
        #expect(root["remarque"]?.scalar == "Ça s'applique à l'été\(nnbsp); voilà\(nnbsp)!")
        #expect(root["liste"]?.sequence?.compactMap(\.scalar) == ["œuvre", "Noël", "façade"])
        #expect(root["montant"]?.scalar?.unicodeScalars.contains("\u{202F}") == true)
    }

    @Test("Decomposed accents are not normalised")
    func noNormalisation() throws {
        let decomposed = "e\u{0301}te\u{0301}"
        let root = try document("mot: \(decomposed)\n")
        #expect(Array(root["mot"]?.scalar?.utf8 ?? "".utf8) == Array(decomposed.utf8))
    }

    @Test("Text from the same source reads the same from bytes")
    func bytesAndText() throws {
        let text = "clé: « valeur »\n"
        let fromBytes = YAMLDocumentReader(bytes: Array(text.utf8), file: "b.yaml")
        #expect(try fromBytes.nextDocument()?["clé"]?.scalar == "« valeur »")
    }
}

import Testing
import YAMLReader

@Suite("libyaml errors")
struct ParserErrorTests {
    @Test("A parser error carries its context and the problem position")
    func contextAndProblem() {
        let error = readingError("a:\n  b: 1\n c: 2\n", file: "rules.yaml")
        #expect(error?.message.hasPrefix(
            "dans l'ensemble de champs (commencé ligne 1, colonne 1) : clé attendue introuvable") == true)
        #expect(error?.description.hasPrefix("rules.yaml:3:2: erreur : dans l'ensemble de champs") == true)
    }

    @Test("Tab indentation gets a hint to indent with spaces", arguments: [
        ("a: 1\nb:\n\tc: 2\n", "3:1"),
        ("\tkey: value\n", "1:1"),
        ("list:\n\t- x\n", "2:1"),
        ("key: value\n\tother: 2\n", "2:1"),
        ("a: 1\r\nb:\r\n\tc: 2\r\n", "3:1"),
    ])
    func tabs(text: String, at: String) {
        let error = readingError(text)
        #expect(error?.message.contains("une tabulation ne peut servir de retrait en YAML : mettez des espaces") == true)
        #expect(error?.at == at)
    }

    @Test("Other characters that cannot start a token get no tab hint")
    func reservedCharacter() {
        let error = readingError("a: @home\n")
        #expect(error?.message.contains("caractère qui ne peut commencer aucun élément") == true)
        #expect(error?.message.contains("tabulation") == false)
        #expect(error?.at == "1:4")
    }

    @Test("An unterminated quoted scalar says the quote is never closed")
    func unterminatedQuote() {
        let double = readingError("name: \"Dupont\nnext: 1\n")
        #expect(double?.message.hasPrefix("dans le texte entre guillemets (commencé ligne 1, colonne 7) : fin du texte inattendue") == true)
        #expect(double?.message.contains("ajoutez le guillemet fermant") == true)
        let single = readingError("name: 'Dupont")
        #expect(single?.message.contains("ajoutez le guillemet fermant") == true)
    }

    @Test("A flow collection cut short says which bracket is missing")
    func truncatedFlow() {
        let sequence = readingError("a: [1, 2")
        #expect(sequence?.message.hasPrefix("dans la liste entre [ ] (commencé ligne 1, colonne 4)") == true)
        #expect(sequence?.message.contains("le texte s'arrête avant la fin de la liste : ajoutez le « ] » manquant") == true)
        let mapping = readingError("a: {x: 1,\n  y: 2\n")
        #expect(mapping?.message.contains("le texte s'arrête avant la fin de l'ensemble de champs : ajoutez le « } » manquant") == true)
    }

    @Test("A ': ' inside a plain value is explained")
    func colonInValue() {
        let error = readingError("title: Aide: logement\n")
        #expect(error?.message.hasPrefix("une valeur de champ (« : ») n'est pas admise à cet endroit") == true)
        #expect(error?.message.contains("mettez la valeur entre guillemets") == true)
        #expect(error?.at == "1:12")
    }

    @Test("A badly indented sequence item is explained")
    func sequenceIndentation() {
        let error = readingError("- a\nb: 1\n")
        #expect(error?.message.contains("tiret « - » attendu introuvable") == true)
        #expect(error?.message.contains("vérifiez le retrait") == true)
    }
}

import Testing
import YAMLReader

@Suite("Structural rules and limits")
struct StructureTests {
    @Test("A duplicate key is reported at the second occurrence")
    func duplicateKey() {
        let error = readingError("a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n", file: "d.yaml")
        #expect(error?.message.hasPrefix("clé « x » en double (déjà ligne 3, colonne 3)") == true)
        #expect(error?.description.hasPrefix("d.yaml:5:3: erreur : clé « x » en double") == true)
    }

    @Test("Keys are compared by their text, whatever the quoting")
    func duplicateQuotedKey() {
        let error = readingError("1: a\n\"1\": b\n")
        #expect(error?.message.hasPrefix("clé « 1 » en double (déjà ligne 1, colonne 1)") == true)
        #expect(error?.at == "2:1")
    }

    @Test("The same key in different mappings is fine")
    func sameKeyElsewhere() throws {
        let root = try document("a: {x: 1}\nb: {x: 2}\nc:\n  - x: 3\n  - x: 4\n")
        #expect(root["c"]?.sequence?.count == 2)
    }

    @Test("Duplicates are found in large mappings too")
    func duplicateInLargeMapping() throws {
        let keys = (0..<500).map { "key\($0): \($0)" }
        let root = try document(keys.joined(separator: "\n"))
        #expect(root.mapping?.count == 500)
        let error = readingError((keys + ["key123: again", "key499: more"]).joined(separator: "\n"))
        #expect(error?.message.hasPrefix("clé « key123 » en double (déjà ligne 124, colonne 1)") == true)
        #expect(error?.at == "501:1")
    }

    @Test("Collections used as keys are refused", arguments: [
        ("? [a, b]\n: c\n", "1:3", "une liste"),
        ("? {a: b}\n: c\n", "1:3", "un ensemble de champs"),
        ("{[a]: b}\n", "1:2", "une liste"),
        ("x: &s [1]\n*s : 2\n", "2:1", "une liste"),
    ])
    func nonScalarKeys(text: String, at: String, kind: String) {
        let error = readingError(text)
        #expect(error?.message.hasPrefix("une clé doit être une valeur simple, et c'est ici \(kind)") == true)
        #expect(error?.at == at)
    }

    @Test("Nesting deeper than the limit is refused")
    func depthLimit() throws {
        var limits = YAMLDocumentReader.Limits()
        limits.maxDepth = 3
        #expect(try documents("a:\n  b:\n    - c\n", limits: limits).count == 1)
        let error = readingError("a:\n  b:\n    - [c]\n", limits: limits)
        #expect(error?.message.hasPrefix("imbrication plus profonde que la limite de 3 niveaux") == true)
        #expect(error?.at == "3:7")
    }

    @Test("Very deep flow nesting is an error, not a crash")
    func hostileDepth() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = readingError(text)
        #expect(error?.message.hasPrefix("imbrication plus profonde que la limite de 64 niveaux") == true)
        #expect(error?.at == "1:65")
    }

    @Test("A 10 MB scalar is refused quickly at its mark")
    func hugeScalar() {
        let big = String(repeating: "x", count: 10 << 20)
        let error = readingError("small: ok\nhuge: \(big)\n", file: "big.yaml")
        #expect(error?.message.hasPrefix("valeur de 10\u{202F}485\u{202F}760 octets, au-delà de la limite de 1\u{202F}048\u{202F}576 octets") == true)
        #expect(error?.description.hasPrefix("big.yaml:2:7: erreur :") == true)
        let quoted = readingError("- \"\(big)\"\n")
        #expect(quoted?.message.hasPrefix("valeur de 10\u{202F}485\u{202F}760 octets, au-delà") == true)
        #expect(quoted?.at == "1:3")
    }

    @Test("The scalar limit is inclusive and configurable")
    func scalarLimit() throws {
        var limits = YAMLDocumentReader.Limits()
        limits.maxScalarBytes = 5
        #expect(try documents("a: 12345\n", limits: limits).first?["a"]?.scalar == "12345")
        #expect(readingError("a: 123456\n", limits: limits)?.message.hasPrefix("valeur de 6 octets") == true)
        // Bytes, not characters: "é" is two bytes in UTF-8.
        #expect(readingError("a: ééé\n", limits: limits)?.message.hasPrefix("valeur de 6 octets") == true)
    }
}

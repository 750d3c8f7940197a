import Platform
import Testing
import YAMLReader

@Suite("Hostile input")
struct GarbageTests {
    @Test("Random bytes are an error, never a crash")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x5EED_1234)
        let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = readingError(bytes: bytes, file: "noise.bin")
        #expect(error != nil)
        #expect(error?.mark.file == "noise.bin")
    }

    @Test("Invalid UTF-8 is located and explained")
    func invalidUTF8() {
        let error = readingError(bytes: Array("a: 1\nb: caf".utf8) + [0xE9] + Array("\n".utf8), file: "latin1.yaml")
        #expect(error?.message.hasPrefix("le texte n'est pas de l'UTF-8 valide") == true)
        #expect(error?.message.contains("enregistrez le fichier en UTF-8") == true)
        #expect(error?.at == "2:7")
    }

    @Test("A NUL byte is refused as a control character")
    func nulByte() {
        let error = readingError(bytes: Array("a: x".utf8) + [0] + Array("y\n".utf8))
        #expect(error?.message.hasPrefix("le caractère de contrôle U+0000 n'est pas admis") == true)
        #expect(error?.at == "1:5")
    }

    @Test("Random YAML-like fragments either read or fail with a located error")
    func fuzzFragments() {
        let pieces = ["a", ":", " ", "\n", "-", "[", "]", "{", "}", ",", "&x", "*x", "!!str", "'", "\"",
                      "?", "|", ">", "#", "\t", "---", "...", "é", "«", "~", "  ", "%YAML 1.1", "!", "@", "\\"]
        var generator = SplitMix64(seed: 42)
        var failures = 0
        for _ in 0..<2_000 {
            let length = Int.random(in: 1...40, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if let error = readingError(text, file: "fuzz.yaml") {
                failures += 1
                #expect(error.mark.line >= 1 && error.mark.column >= 1, "\(text.debugDescription)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(failures > 0)
    }
}

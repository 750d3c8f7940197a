import Testing
import YAMLReader

@Suite("Files and raw input")
struct InputTests {
    @Test("A file is read document by document with its path in the marks")
    func readsFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("apps.yaml", "id: 1\n---\nid: 2\nnom: Zoé\n")
        let reader = try YAMLDocumentReader(path: path)
        let first = try #require(try reader.nextDocument())
        #expect(first["id"]?.mark == SourceMark(file: path, line: 1, column: 5))
        let second = try #require(try reader.nextDocument())
        #expect(second["nom"]?.scalar == "Zoé")
        #expect(second["nom"]?.at == "4:6")
        #expect(try reader.nextDocument() == nil)
        #expect(try YAMLDocumentReader.singleDocument(path: directory.write("one.yaml", "a: b\n"))["a"]?.scalar == "b")
    }

    @Test("A missing file is an error giving the system's reason")
    func missingFile() {
        let error = #expect(throws: YAMLError.self) {
            try YAMLDocumentReader(path: "/nonexistent/rules.yaml")
        }
        #expect(error?.message.hasPrefix("lecture impossible : fichier ou dossier introuvable") == true)
        #expect(error?.description.hasPrefix("/nonexistent/rules.yaml:1:1: erreur :") == true)
        let single = #expect(throws: YAMLError.self) {
            try YAMLDocumentReader.singleDocument(path: "/nonexistent/rules.yaml")
        }
        #expect(single?.message.contains("fichier ou dossier introuvable") == true)
    }

    @Test("A directory is an error, not an empty stream")
    func directory() {
        let scratch = TemporaryDirectory()
        let path = scratch.makeDirectory("rules")
        let error = #expect(throws: YAMLError.self) { try YAMLDocumentReader(path: path) }
        #expect(error?.message.hasPrefix("lecture impossible : c'est un dossier") == true)
    }

    @Test("An empty file has no document, and singleDocument says the file is empty")
    func emptyFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("empty.yaml", "")
        #expect(try YAMLDocumentReader(path: path).nextDocument() == nil)
        let error = #expect(throws: YAMLError.self) { try YAMLDocumentReader.singleDocument(path: path) }
        #expect(error?.message == "attendu un document YAML, trouvé un fichier vide")
    }

    @Test("Errors in files are located, including decoding errors found ahead of the parser")
    func fileErrors() throws {
        let directory = TemporaryDirectory()
        let tabs = directory.write("tabs.yaml", "a:\n\tb: 1\n")
        #expect(readingError(try YAMLDocumentReader(path: tabs))?.message.contains("mettez des espaces") == true)
        let binary = directory.write("bad.yaml", Array("a: ok\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let error = readingError(try YAMLDocumentReader(path: binary))
        #expect(error?.message.hasPrefix("le texte n'est pas de l'UTF-8 valide") == true)
        #expect(error?.mark == SourceMark(file: binary, line: 2, column: 4))
    }

    @Test("Bytes in UTF-16 with a byte order mark are decoded")
    func utf16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "prénom: Zoé\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = YAMLDocumentReader(bytes: bytes, file: "utf16.yaml")
        #expect(try reader.nextDocument()?["prénom"]?.scalar == "Zoé")
    }
}

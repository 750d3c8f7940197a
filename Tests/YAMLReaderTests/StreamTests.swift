import Testing
import YAMLReader

@Suite("Document streams")
struct StreamTests {
    @Test("Documents are read one at a time, then nil for ever")
    func oneAtATime() throws {
        let reader = YAMLDocumentReader(text: "a: 1\n---\nb: 2\n...\n---\n- 3\n", file: "s.yaml")
        #expect(try reader.nextDocument()?["a"]?.scalar == "1")
        #expect(try reader.nextDocument()?["b"]?.scalar == "2")
        #expect(try reader.nextDocument()?.sequence?.first?.scalar == "3")
        #expect(try reader.nextDocument() == nil)
        #expect(try reader.nextDocument() == nil)
    }

    @Test("An empty stream or one with only comments has no document", arguments: ["", "\n\n", "# nothing\n", "  \n# a\n"])
    func emptyStreams(text: String) throws {
        let reader = YAMLDocumentReader(text: text, file: "empty.yaml")
        #expect(try reader.nextDocument() == nil)
    }

    @Test("A bare --- is a document holding a null scalar marked at the ---")
    func bareSeparators() throws {
        let all = try documents("---\n---\n# comment\n--- ~\n")
        #expect(all.count == 3)
        #expect(all.allSatisfy { $0.isNull && $0.isPlainScalar })
        #expect(all[0].at == "1:1")
        #expect(all[1].at == "2:1")
        #expect(all[2].at == "4:5")
    }

    @Test("Anchors do not leak from one document to the next")
    func anchorsArePerDocument() throws {
        let reader = YAMLDocumentReader(text: "a: &x 1\n---\nb: *x\n", file: "s.yaml")
        #expect(try reader.nextDocument()?["a"]?.scalar == "1")
        #expect(throws: YAMLError.self) { try reader.nextDocument() }
    }

    @Test("After an error the reader is finished")
    func finishedAfterError() throws {
        let reader = YAMLDocumentReader(text: "a: 1\n---\nb: [\n---\nc: 3\n", file: "s.yaml")
        #expect(try reader.nextDocument()?["a"]?.scalar == "1")
        #expect(throws: YAMLError.self) { try reader.nextDocument() }
        #expect(try reader.nextDocument() == nil)
    }

    @Test("singleDocument returns the only document")
    func singleDocument() throws {
        let root = try YAMLDocumentReader.singleDocument(text: "--- \nname: x\n...\n", file: "one.yaml")
        #expect(root["name"]?.scalar == "x")
    }

    @Test("singleDocument refuses an empty text")
    func singleDocumentEmpty() {
        let error = #expect(throws: YAMLError.self) { try document("", file: "one.yaml") }
        #expect(error?.message == "attendu un document YAML, trouvé un fichier vide")
        #expect(error?.description.hasPrefix("one.yaml:1:1: erreur :") == true)
    }

    @Test("singleDocument refuses a text with only comments")
    func singleDocumentOnlyComments() {
        let error = #expect(throws: YAMLError.self) { try document("# nothing here\n", file: "one.yaml") }
        #expect(error?.message.hasPrefix("attendu un document YAML, trouvé aucun") == true)
    }

    @Test("singleDocument refuses a second document and says where it is")
    func singleDocumentSecond() {
        let error = #expect(throws: YAMLError.self) { try document("a: 1\n---\nb: 2\n", file: "one.yaml") }
        #expect(error?.message.hasPrefix("attendu un seul document YAML, trouvé un second document en one.yaml:2:1") == true)
        #expect(error?.at == "2:1")
    }

    @Test("20 000 generated documents stream through one reader")
    func manyDocuments() throws {
        var text = ""
        for i in 0..<20_000 {
            text += """
                ---
                id: app-\(i)
                applicant:
                  name: Dupont \(i)
                  married: \(i % 2 == 0 ? "yes" : "no")
                household: {adults: 2, children: \(i % 4)}
                income: \(20_000 + i).50
                flags: [a, b]

                """
        }
        let reader = YAMLDocumentReader(text: text, file: "stream.yaml")
        var count = 0
        var childrenTotal = 0
        while let root = try reader.nextDocument() {
            if count == 0 {
                #expect(root["id"]?.scalar == "app-0")
                #expect(root["applicant"]?["married"]?.scalar == "yes")
            }
            if count == 12_345 {
                #expect(root["id"]?.scalar == "app-12345")
                #expect(root["applicant"]?["name"]?.scalar == "Dupont 12345")
                #expect(root["income"]?.scalar == "32345.50")
                #expect(root["id"]?.at == "\(12_345 * 8 + 2):5")
            }
            childrenTotal += Int(root["household"]?["children"]?.scalar ?? "") ?? 0
            count += 1
        }
        #expect(count == 20_000)
        #expect(childrenTotal == 5_000 * (0 + 1 + 2 + 3))
    }
}

import Testing
import YAMLReader

@Suite("Source marks")
struct MarkTests {
    @Test("SourceMark and YAMLError print as file:line:column")
    func descriptions() {
        let mark = SourceMark(file: "rules/aide.yaml", line: 3, column: 7)
        #expect(mark.description == "rules/aide.yaml:3:7")
        let error = YAMLError(message: "something is wrong", mark: mark)
        #expect(error.description == "rules/aide.yaml:3:7: erreur : something is wrong")
    }

    @Test("Block mappings and sequences carry exact 1-based marks")
    func blockMarks() throws {
        let root = try document("""
            applicant:
              name: Dupont
              children:
                - age: 4
                -   age: 7
            zone: 2
            """, file: "app.yaml")
        #expect(root.at == "1:1")
        #expect(root.mark.file == "app.yaml")
        let pairs = try #require(root.mapping)
        #expect(pairs[0].key.at == "1:1")
        let applicant = try #require(root["applicant"])
        #expect(applicant.at == "2:3")
        #expect(applicant["name"]?.at == "2:9")
        let children = try #require(applicant["children"])
        #expect(children.at == "4:5")
        let items = try #require(children.sequence)
        #expect(items[0].at == "4:7")
        #expect(items[0]["age"]?.at == "4:12")
        #expect(items[1].at == "5:9")
        #expect(items[1]["age"]?.at == "5:14")
        let zoneKey = try #require(pairs.last?.key)
        #expect(zoneKey.at == "6:1")
        #expect(root["zone"]?.at == "6:7")
    }

    @Test("Flow collections, quoted scalars and explicit keys carry exact marks")
    func flowMarks() throws {
        let root = try document("""
            a: [1, {b: "c"}]
            ? d
            : 'e'
            """)
        let flow = try #require(root["a"])
        #expect(flow.at == "1:4")
        let items = try #require(flow.sequence)
        #expect(items[0].at == "1:5")
        #expect(items[1].at == "1:8")
        #expect(items[1]["b"]?.at == "1:12")
        let explicit = try #require(root.mapping?.last)
        #expect(explicit.key.at == "2:3")
        #expect(explicit.value.at == "3:3")
    }

    @Test("Anchored and tagged nodes start at their anchor or tag")
    func anchorAndTagMarks() throws {
        let root = try document("a: &x !!str 12\nb: !!map {c: 1}\n")
        #expect(root["a"]?.at == "1:4")
        #expect(root["b"]?.at == "2:4")
    }

    @Test("Columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let root = try document("prénom: « Zoé »\nréf: €12\n")
        #expect(root["prénom"]?.at == "1:9")
        #expect(root["réf"]?.at == "2:6")
    }

    @Test("CRLF line endings count as one line break")
    func crlf() throws {
        let root = try document("a: 1\r\nb:\r\n  c: 2\r\n")
        #expect(root["b"]?["c"]?.at == "3:6")
        #expect(root["b"]?["c"]?.scalar == "2")
    }

    @Test("Marks of later documents keep counting lines from the start of the stream")
    func marksAcrossDocuments() throws {
        let all = try documents("a: 1\n---\nb: 2\n---\n- c\n")
        #expect(all.count == 3)
        #expect(all[1]["b"]?.at == "3:4")
        #expect(all[2].sequence?.first?.at == "5:3")
    }
}

import Documents
import Platform
import Testing
@testable import OpenDocument

/// What the renderer lays out once and appends to many documents — the template's XML, shared
/// blocks, tables' openings — with their CRC-32: the archive must read back, every checksum right.
@Suite struct KeptXMLTests {
    private let template = Repository.defaultTemplate

    @Test func aPartsChecksumCombinesItsKnownPiecesRight() {
        var part = PartXML(capacity: 64)
        part.raw("<office:text>")
        part.append(FixedXML(Array(String(repeating: "<text:p>Vu le code ;</text:p>", count: 20).utf8)))
        part.raw("<text:p>l’aide</text:p>")
        part.append(FixedXML(Array("<text:p/>".utf8)))           // short: checksummed with its neighbours
        var outer = PartXML(capacity: 64)
        outer.append(FixedXML(Array(String(repeating: "<style:style/>", count: 30).utf8)))
        outer.append(part)
        outer.raw("</office:text>")
        #expect(part.checksum == CRC32.checksum(part.utf8))
        #expect(outer.checksum == CRC32.checksum(outer.utf8))
    }

    @Test func aTemplatesKeptPartsChecksumRightInEachDocument() throws {
        let table = Block.table(Table(header: ["Critère", "Appréciation"], rows: [["Le ménage entre dans un nouveau logement.", "Rempli"]]))
        let mentions = SharedBlocks([.mention(title: "Voies et délais de recours", paragraphs: [Text(String(repeating: "La présente décision peut faire l'objet d'un recours. ", count: 10))])])
        let first = try ODTRendering.render(Document(title: "A", blocks: [table, .shared(mentions)]), template: template)
        let second = try ODTRendering.render(Document(title: "A", blocks: [table, .shared(mentions)]), template: template)
        #expect(first == second)
        let entries = try #require(ODTArchive.entries(of: second))      // every CRC checked
        #expect(entries.contains { $0.path == "content.xml" })
    }
}

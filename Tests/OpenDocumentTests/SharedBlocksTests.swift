import Documents
import OpenDocument
import Testing

/// Blocks shared by many documents (`Block.shared`) are laid out once per format and appended as
/// bytes: every renderer must give exactly the bytes it gives the blocks themselves, wherever
/// they stand, whatever was rendered from them before, tables included.
@Suite struct SharedBlocksTests {
    private let template = Repository.defaultTemplate

    /// The sample act with the blocks of `shared`, from `start`, replaced by it.
    private func sharing(_ shared: SharedBlocks, start: Int) -> Document {
        var document = SampleAct.document
        document.blocks.replaceSubrange(start..<(start + shared.blocks.count), with: [.shared(shared)])
        return document
    }

    /// The content.xml of an .odt, where the body and the tables' automatic styles stand.
    private func content(_ document: Document) throws -> String {
        try ODTFiles.parts(ODTRendering.render(document, template: template)).first { $0.path == "content.xml" }?.text ?? ""
    }

    @Test(arguments: [(0, 5), (12, 4), (15, 3), (16, 3), (0, 18)])
    func aSharedPartGivesTheBytesOfItsBlocks(start: Int, count: Int) throws {
        let plain = SampleAct.document
        let shared = SharedBlocks(Array(plain.blocks[start..<(start + count)]))
        // Twice: the first rendering keeps the bytes, the second appends them.
        for _ in 0..<2 {
            let document = sharing(shared, start: start)
            #expect(MarkdownRendering.utf8(document) == MarkdownRendering.utf8(plain))
            #expect(HTMLRendering.utf8(document) == HTMLRendering.utf8(plain))
            #expect(try content(document) == content(plain))
        }
    }

    /// A table's ODT name is numbered through the document: a shared part holding one, rendered
    /// first after no table and then after another, is numbered for where it stands each time.
    @Test func aSharedTableIsNumberedWhereItStands() throws {
        let table = Block.table(Table(header: ["a", "b"], rows: [["1", "2"]]))
        let shared = SharedBlocks([.paragraph("Avant"), table])
        #expect(shared.hasTables)
        let alone = Document(title: "t", blocks: [.shared(shared)])
        let second = Document(title: "t", blocks: [table, .shared(shared)])
        #expect(try content(alone) == content(Document(title: "t", blocks: [.paragraph("Avant"), table])))
        #expect(try content(second) == content(Document(title: "t", blocks: [table, .paragraph("Avant"), table])))
        #expect(try content(second).contains("table:name=\"Tableau2\""))
    }

    @Test func sharedPartsAreEqualByTheirBlocks() {
        #expect(Block.shared(SharedBlocks([.separator])) == .shared(SharedBlocks([.separator])))
        #expect(Block.shared(SharedBlocks([.separator])) != .shared(SharedBlocks([.pageBreak])))
        #expect(!SharedBlocks([.paragraph("x")]).hasTables)
    }
}

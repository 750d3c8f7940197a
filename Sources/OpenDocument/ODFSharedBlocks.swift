import Documents
import Synchronization

/// The ODF of the blocks many acts share (`Block.shared`: the mentions, a scheme's « Vu »), laid
/// out once, with its CRC-32: several kilobytes of every act's content.xml that its checksum
/// then need not read again.
enum ODFSharedBlocks {
    /// The shared blocks' XML, made and checksummed the first time (`SharedBlocks.rendered`).
    /// Only for blocks without tables, whose XML does not depend on where they stand.
    static func xml(of shared: SharedBlocks) -> FixedXML {
        let key = ObjectIdentifier(shared)
        if let known = kept.withLock({ $0[key] }), known.shared === shared { return known.xml }
        let xml = FixedXML(shared.rendered(.odt) { blocks in
            var body = ODFBody()
            body.render(blocks)
            return body.xml.utf8
        })
        kept.withLock { if $0.count < limit { $0[key] = Kept(shared: shared, xml: xml) } }
        return xml
    }

    /// The shared blocks with their XML. Each entry holds its blocks, so that no other object
    /// can be given the address, hence the identifier, of one kept: an identifier found is
    /// always the same blocks, unchanged since they are immutable.
    private struct Kept: Sendable {
        let shared: SharedBlocks
        let xml: FixedXML
    }

    /// A run shares a few dozen of them; past this, a document's shared blocks are checksummed
    /// with the rest (their bytes still laid out once by `SharedBlocks`).
    private static let limit = 1_024
    private static let kept = Mutex<[ObjectIdentifier: Kept]>([:])
}

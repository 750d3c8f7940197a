import Documents

/// The ODF of the blocks many acts share (`Block.shared`: the mentions, a scheme's « Vu »), laid
/// out once, with its CRC-32: several kilobytes of every act's content.xml that its checksum
/// then need not read again.
enum ODFSharedBlocks {
    /// The shared blocks' XML, made and checksummed the first time and kept with the blocks
    /// (`SharedBlocks.rendered`, `SharedBlocks.derived`), so that it lasts as long as the run
    /// that shares them. Only for blocks without tables, whose XML does not depend on where they stand.
    static func xml(of shared: SharedBlocks) -> FixedXML {
        shared.derived(.odt) {
            FixedXML(shared.rendered(.odt) { blocks in
                var body = ODFBody()
                body.render(blocks)
                return body.xml.utf8
            })
        }
    }
}

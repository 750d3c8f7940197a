import Foundation
import Platform
import Testing
@testable import OpenDocument

/// Each act's parts appended to the template's base archive, without ZIPFoundation: the archive
/// reads back whole, every entry with its size and checksum.
@Suite struct ZIPAppendingTests {
    @Test func appendedEntriesReadBackAfterTheBasesOwn() throws {
        let styles = Array(String(repeating: "<style:style/>", count: 200).utf8)
        let base = try ODTArchive.write(mediaType: "application/vnd.oasis.opendocument.text",
                                        entries: [ODTArchive.Entry(path: "styles.xml", bytes: styles, compressed: true)])
        let content = Array("<office:document-content>l’aide — 40 000 €</office:document-content>".utf8)
        let meta = Array("<office:document-meta/>".utf8)
        let archive = try ZIPAppending.appending([ODTArchive.Entry(path: "content.xml", bytes: content, compressed: false),
                                                  ODTArchive.Entry(path: "meta.xml", bytes: meta, compressed: false)], to: base)
        let entries = try #require(ODTArchive.entries(of: archive))
        #expect(entries.map(\.path) == ["mimetype", "styles.xml", "content.xml", "meta.xml"])
        #expect(entries[1].bytes == styles && entries[2].bytes == content && entries[3].bytes == meta)
        // The same parts give the same bytes.
        #expect(try ZIPAppending.appending([ODTArchive.Entry(path: "content.xml", bytes: content, compressed: false),
                                            ODTArchive.Entry(path: "meta.xml", bytes: meta, compressed: false)], to: base) == archive)
    }

    @Test func aCompressedPartIsRefusedNotStoredAsIfPlain() throws {
        let base = try ODTArchive.write(mediaType: "application/vnd.oasis.opendocument.text", entries: [])
        #expect(throws: ZIPAppending.Failure.compressedEntry) {
            try ZIPAppending.appending([ODTArchive.Entry(path: "content.xml", bytes: [1], compressed: true)], to: base)
        }
    }

    @Test func aBaseThatIsNoArchiveIsRefused() {
        #expect(throws: ZIPAppending.Failure.self) {
            try ZIPAppending.appending([ODTArchive.Entry(path: "content.xml", bytes: [1], compressed: false)], to: Array(repeating: 0, count: 40))
        }
    }
}

import Batch
import Documents
import Foundation
import OpenDocument
import Platform
import TestSupport
import Testing

/// The files of a document sent to an applicant: all three formats from the one document, and
/// nothing left beside them that is not this document's.
@Suite struct SentDocumentFilesTests {
    let temporary: TemporaryFolder
    let document = Document(title: "Décision n° 1", blocks: [.paragraph("Une aide de " + .strong("1 000,00 €") + " est attribuée.")])

    init() throws {
        temporary = try TemporaryFolder("sent-documents")
    }

    @Test func eachFormatIsWrittenAndFingerprinted() throws {
        let output = try OutputFolder(directory: temporary.file("out"))
        let files = try SentFiles.repository()
        let markdown = MarkdownRendering.utf8(document)
        let written = try files.write(document, markdown: markdown, name: "A.decision", to: output)
        for (format, hash) in [("md", written.markdown), ("html", written.html), ("odt", try #require(written.odt))] {
            #expect(SHA256.hex(of: try RegularFile.read(output.path("A.decision.\(format)"))) == hash, "\(format)")
        }
    }

    /// Written again without a template, the act has no ODT: the one an earlier run wrote under
    /// its name would be sent in its place.
    @Test func anEarlierODTIsNotLeftBesideAnActWrittenWithoutOne() throws {
        let output = try OutputFolder(directory: temporary.file("out"))
        _ = try SentFiles.repository().write(document, markdown: MarkdownRendering.utf8(document), name: "A.decision", to: output)
        #expect(FileManager.default.fileExists(atPath: output.path("A.decision.odt")))
        let written = try SentDocumentFiles(template: nil).write(document, markdown: MarkdownRendering.utf8(document), name: "A.decision", to: output)
        #expect(written.odt == nil)
        #expect(!FileManager.default.fileExists(atPath: output.path("A.decision.odt")))
        #expect(FileManager.default.fileExists(atPath: output.path("A.decision.html")))
    }

    /// A template guichet.yaml names but that is not there is an error that says where it was
    /// named and what to do; it is never replaced silently by the rules folder's.
    @Test func aMissingTemplateNamedByTheDeploymentIsAnError() throws {
        do {
            _ = try SentDocumentFiles.template(named: temporary.file("modele-absent.odt"), rulesFolder: Repository.path("Rules"))
            Issue.record("a missing template was accepted")
        } catch {
            #expect(error.description.contains("le modèle que nomme guichet.yaml (template) est introuvable"))
            #expect(error.description.contains("retirez la ligne pour utiliser"))
        }
        #expect(try SentDocumentFiles.template(named: nil, rulesFolder: temporary.file("sans-modele")) == nil,
                "a rules folder without a template: Markdown and HTML only")
    }
}

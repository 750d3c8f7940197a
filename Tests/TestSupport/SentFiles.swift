import Batch
import OpenDocument

/// The formats the tests write acts in: Markdown, HTML and ODT in the repository's template.
public enum SentFiles {
    public static func repository() throws -> SentDocumentFiles {
        SentDocumentFiles(template: try ODTTemplate.bundledDefault(rulesFolder: Repository.path("Rules")))
    }
}

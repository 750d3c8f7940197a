import Foundation
import OpenDocument

/// Paths of the repository, found from this file's own: the tests read the rules folder's
/// default template as a deployment does.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let rules = root + "/Rules"

    /// The default template, loaded once for every test.
    static let defaultTemplate: ODTTemplate = {
        do {
            return try ODTTemplate.bundledDefault(rulesFolder: rules)
        } catch {
            fatalError("\(error)")
        }
    }()
}

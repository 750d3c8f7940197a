import Foundation
import TestSupport

enum TestPaths {
    static let wimereux = Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml")
    static let reform = Repository.path("Rules/reforms/pdesi-60.yaml")

    /// Every application file of the repository's samples.
    static var applicationFiles: [String] {
        let root = Repository.path("Applications")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(root)/\($0)" }
    }

    static var pdesiSamples: [String] {
        applicationFiles.filter { $0.contains("/pdesi/") && !$0.contains("lot-novembre") }
    }
}

import Documents
import Foundation
import OpenDocument
import Testing

/// Writes the sample act as .odt and .html into the folder named by `GUICHET_WRITE_SAMPLES`, to
/// look at them or check their pages (`Scripts/check-pages FOLDER`); does nothing without it.
/// `GUICHET_TEMPLATE` names another template than the default, to try an authority's.
///
///     GUICHET_WRITE_SAMPLES=/tmp/samples swift test --filter SampleWriter
@Suite struct SampleWriter {
    @Test func writesTheSampleWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["GUICHET_WRITE_SAMPLES"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let template = try ProcessInfo.processInfo.environment["GUICHET_TEMPLATE"].map { path throws(ODTTemplateError) in
            try ODTTemplate(contentsOf: path)
        } ?? Repository.defaultTemplate
        let odt = try ODTRendering.render(SampleAct.document, template: template)
        try Data(odt).write(to: URL(fileURLWithPath: folder + "/PDESI-2020-001.decision.odt"))
        try Data(HTMLRendering.utf8(SampleAct.document)).write(to: URL(fileURLWithPath: folder + "/PDESI-2020-001.decision.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/PDESI-2020-001.decision.odt"))
    }

    /// Rendering time of one document, printed: `GUICHET_ODT_BENCH=1000` renders the sample that
    /// many times (best in a release build: `swift test -c release --filter SampleWriter`).
    @Test func measuresWhenAsked() throws {
        guard let count = ProcessInfo.processInfo.environment["GUICHET_ODT_BENCH"].flatMap(Int.init), count > 0 else { return }
        let template = Repository.defaultTemplate
        var bytes = 0
        let start = ContinuousClock.now
        for _ in 0..<count { bytes += try ODTRendering.render(SampleAct.document, template: template).count }
        let odt = ContinuousClock.now - start
        let htmlStart = ContinuousClock.now
        for _ in 0..<count { bytes += HTMLRendering.utf8(SampleAct.document).count }
        let html = ContinuousClock.now - htmlStart
        func perDocument(_ duration: Duration) -> Int { Int(duration / .microseconds(1)) / count }
        print("ODT : \(perDocument(odt)) µs par document ; HTML : \(perDocument(html)) µs par document (\(count) documents, \(bytes) octets)")
        #expect(bytes > 0)
    }
}

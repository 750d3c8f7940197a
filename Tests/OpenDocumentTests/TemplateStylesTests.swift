import Foundation
import OpenDocument
import Testing

/// The default template's styles are `ODFStyles`' own, attribute for attribute: its styles.xml
/// holds them as `ODTTemplateStyles` generates them. After changing a style in ODFStyles.swift:
///
///     GUICHET_WRITE_TEMPLATE_STYLES=1 swift test --filter TemplateStylesTests
///     python3 Scripts/make-default-template.py
@Suite struct TemplateStylesTests {
    private let sourcePath = Repository.rules + "/modeles/acte-src/styles.xml"

    @Test func theTemplateDefinesTheRenderersStylesAsTheyAre() throws {
        let source = try String(contentsOfFile: sourcePath, encoding: .utf8)
        let regenerated = try #require(ODTTemplateStyles.regenerating(source), "les repères des styles générés manquent à \(sourcePath)")
        if let write = ProcessInfo.processInfo.environment["GUICHET_WRITE_TEMPLATE_STYLES"], !write.isEmpty, regenerated != source {
            try regenerated.write(toFile: sourcePath, atomically: true, encoding: .utf8)
            return
        }
        #expect(regenerated == source, """
            les styles « Guichet … » de \(sourcePath) diffèrent de Sources/OpenDocument/ODFStyles.swift : \
            lancez GUICHET_WRITE_TEMPLATE_STYLES=1 swift test --filter TemplateStylesTests, puis python3 Scripts/make-default-template.py
            """)
        #expect(ParsedXML(source).isWellFormed)
    }

    @Test func theBuiltTemplateHasTheSourcesStyles() throws {
        let source = try String(contentsOfFile: sourcePath, encoding: .utf8)
        let built = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.rules + "/" + ODTTemplate.rulesFolderPath)))
        #expect(try ODTFiles.part("styles.xml", of: built) == source, "Rules/modeles/acte.odt n'est plus à jour : lancez python3 Scripts/make-default-template.py")
    }

    @Test func eachStyleIsOneElementInLibreOfficesLists() {
        let xml = ODTTemplateStyles.xml
        #expect(xml.contains("""
              <style:style style:name="Guichet_20_Titre_20_2" style:display-name="Guichet Titre 2" style:family="paragraph" \
            style:parent-style-name="Standard" style:class="text" style:default-outline-level="2">
               <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
               <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
              </style:style>

            """))
        #expect(xml.contains("  <text:list-style style:name=\"Guichet_20_Puces\" style:display-name=\"Guichet Puces\">\n   <text:list-level-style-bullet "))
        #expect(ODTTemplateStyles.regenerating("<a/>") == nil)
    }
}

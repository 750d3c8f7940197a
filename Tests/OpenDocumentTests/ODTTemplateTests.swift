import Documents
import Foundation
import OpenDocument
import Testing

/// Templates an authority makes: refused with a French reason when they cannot be used, and
/// completed when they lack a style or a mark.
@Suite struct ODTTemplateTests {
    private func error(_ load: () throws(ODTTemplateError) -> ODTTemplate) -> String {
        do {
            _ = try load()
            return ""
        } catch {
            return error.description
        }
    }

    @Test func aTemplateWithoutTheBodyMarkIsRefused() throws {
        let bytes = try ODTFiles.template(editing: ["content.xml": { $0.replacing("{{corps}}", with: "Texte") }])
        let message = error { () throws(ODTTemplateError) in try ODTTemplate(bytes: bytes, name: "modele.odt") }
        #expect(message == "modèle modele.odt, content.xml : le repère {{corps}} manque : le modèle doit contenir, dans le corps du texte, "
            + "un paragraphe qui ne contient que {{corps}}, à l'endroit où le document est inséré")
    }

    @Test func whatIsNoOpenDocumentTextIsRefusedInFrench() throws {
        let notZip = error { () throws(ODTTemplateError) in try ODTTemplate(bytes: Array("bonjour".utf8), name: "modele.odt") }
        #expect(notZip.hasPrefix("modèle modele.odt : ce fichier n'est pas une archive OpenDocument (ZIP) lisible"))
        let truncated = try Array(ODTFiles.template(editing: [:]).prefix(200))
        #expect(error { () throws(ODTTemplateError) in try ODTTemplate(bytes: truncated, name: "m.odt") }.contains("n'est pas une archive OpenDocument"))
        let spreadsheet = try ODTFiles.template(editing: ["mimetype": { _ in "application/vnd.oasis.opendocument.spreadsheet" }])
        #expect(error { () throws(ODTTemplateError) in try ODTTemplate(bytes: spreadsheet, name: "m.odt") }
            == "modèle m.odt, mimetype : ce document n'est pas un texte OpenDocument (type « application/vnd.oasis.opendocument.spreadsheet ») ; "
            + "enregistrez le modèle dans LibreOffice Writer au format « Texte ODF (.odt) »")
        let missing = error { () throws(ODTTemplateError) in try ODTTemplate(contentsOf: "/nonexistent/acte.odt") }
        #expect(missing.hasPrefix("modèle /nonexistent/acte.odt : fichier introuvable"))
        let folder = error { () throws(ODTTemplateError) in try ODTTemplate(contentsOf: Repository.rules) }
        #expect(folder.contains("ce n'est pas un fichier ordinaire"))
    }

    /// A damaged file — a byte changed anywhere, or cut short — is refused or read, never a crash.
    @Test func aDamagedTemplateNeverCrashes() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repository.rules + "/" + ODTTemplate.rulesFolderPath)))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var refused = 0
        for round in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var damaged = original
            let position = Int(state >> 33) % damaged.count
            if round % 4 == 0 {
                damaged.removeSubrange(position...)
            } else {
                damaged[position] ^= UInt8(truncatingIfNeeded: state >> 17) | 1
            }
            do {
                let template = try ODTTemplate(bytes: damaged, name: "m.odt")
                _ = try ODTRendering.render(SampleAct.document, template: template)
            } catch {
                refused += 1
                #expect(error.description.hasPrefix("modèle m.odt"))
            }
        }
        #expect(refused > 100)
    }

    @Test func anUnknownOrMisplacedMarkIsRefused() throws {
        let typo = try ODTFiles.template(editing: ["styles.xml": { $0.replacing(ODTRenderingTests.titleField, with: "{{tirte}}") }])
        #expect(error { () throws(ODTTemplateError) in try ODTTemplate(bytes: typo, name: "m.odt") }
            == "modèle m.odt, styles.xml : repère inconnu {{tirte}} ; les repères sont {{corps}}, {{autorite}}, {{expediteur}}, {{references}}, {{destinataire}}, {{titre}}")
        let inFooter = try ODTFiles.template(editing: ["styles.xml": { $0.replacing(ODTRenderingTests.titleField, with: "{{corps}}") }])
        #expect(error { () throws(ODTTemplateError) in try ODTTemplate(bytes: inFooter, name: "m.odt") }.contains("ne peut figurer que dans le corps du texte"))
    }

    @Test func aCustomTemplateLackingAStyleStillGetsIt() throws {
        // The authority's template defines no « Guichet Visa » nor « Guichet Gras ».
        let bytes = try ODTFiles.template(editing: ["styles.xml": {
            $0.replacing("style:name=\"Guichet_20_Visa\"", with: "style:name=\"Autre_20_Visa\"")
              .replacing("style:name=\"Guichet_20_Gras\"", with: "style:name=\"Autre_20_Gras\"")
        }])
        let template = try ODTTemplate(bytes: bytes, name: "m.odt")
        #expect(template.missingStyleNames == ["Guichet Visa", "Guichet Gras"])
        let content = ParsedXML(try ODTFiles.part("content.xml", of: ODTRendering.render(SampleAct.document, template: template)))
        #expect(content.isWellFormed)
        let definitions = content.elements(named: "style:style").compactMap { $0["style:name"] }
        #expect(definitions.contains("Guichet_20_Visa") && definitions.contains("Guichet_20_Gras"))
    }

    /// LibreOffice renames a style after its display name on each save (« Guichet Considérant »
    /// becomes Guichet_20_Considérant): a template saved there keeps every style.
    @Test func styleNamesAreTheOnesLibreOfficeWrites() throws {
        let saved = try ODTFiles.template(editing: ["styles.xml": { styles in
            var renamed = styles
            for (name, display) in Self.namesAndDisplayNames(styles) {
                renamed = renamed.replacing("style:name=\"\(name)\"", with: "style:name=\"\(display.replacing(" ", with: "_20_"))\"")
            }
            return renamed
        }])
        #expect(try ODTTemplate(bytes: saved, name: "m.odt").missingStyleNames.isEmpty)
    }

    private static func namesAndDisplayNames(_ xml: String) -> [(String, String)] {
        xml.components(separatedBy: "<style:style style:name=\"").dropFirst().compactMap { rest in
            let name = rest.prefix { $0 != "\"" }
            guard let display = rest.components(separatedBy: "style:display-name=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) else { return nil }
            return (String(name), String(display))
        }
    }

    @Test func aMarkSplitByFormattingIsStillFilled() throws {
        let bytes = try ODTFiles.template(editing: ["content.xml": {
            $0.replacing("{{autorite}}", with: "<text:span text:style-name=\"T1\">{{auto</text:span>rite}}")
        }])
        let content = try ODTFiles.part("content.xml", of: ODTRendering.render(SampleAct.document, template: ODTTemplate(bytes: bytes, name: "m.odt")))
        #expect(content.contains("<text:span text:style-name=\"T1\">Département du Pas-de-Calais</text:span></text:p>"))
        #expect(ParsedXML(content).isWellFormed)
    }

    /// A bare template — a page and {{corps}} — still shows the letterhead, at the top of the body,
    /// and declares the namespaces the body uses.
    @Test func aBareTemplateGetsTheLetterheadInTheBody() throws {
        let bare = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>\
            <text:p>{{corps}}</text:p></office:text></office:body></office:document-content>
            """
        let bytes = try ODTFiles.template(editing: ["content.xml": { _ in bare }, "styles.xml": { $0.replacing(ODTRenderingTests.titleField, with: "") }])
        let content = try ODTFiles.part("content.xml", of: ODTRendering.render(SampleAct.document, template: ODTTemplate(bytes: bytes, name: "m.odt")))
        let xml = ParsedXML(content)
        #expect(xml.isWellFormed, "\(xml.error ?? "")")
        let order = ["<office:automatic-styles>", "Département du Pas-de-Calais", "Service des sports de nature", "PDESI-2020-001", "62930 Wimereux", "Décision n° PDESI-2020-001"]
        let positions = order.compactMap { content.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }
}

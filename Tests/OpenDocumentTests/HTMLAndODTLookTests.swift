import Documents
import Foundation
import OpenDocument
import Testing

/// The HTML style sheet gives each role the font size and the spacing of its « Guichet … » style
/// in the ODT: the two formats of an act look alike and take about the same room.
@Suite struct HTMLAndODTLookTests {
    /// An ODF style's property, and the CSS rule and property that must say the same.
    private struct Pair {
        let style: String, odf: String, selector: String, css: String
        init(_ style: String, _ odf: String, _ selector: String, _ css: String? = nil) {
            self.style = style
            self.odf = odf
            self.selector = selector
            self.css = css ?? odf
        }
    }

    private static let fontSizes: [Pair] = [
        Pair("Guichet Corps", "font-size", "body"), Pair("Guichet Titre 1", "font-size", "h1.heading"),
        Pair("Guichet Titre 2", "font-size", ".heading"), Pair("Guichet Titre 3", "font-size", "h3.heading"),
        Pair("Guichet Titre acte", "font-size", ".actSubject"), Pair("Guichet Nature acte", "font-size", ".actTitle"),
        Pair("Guichet Petit", "font-size", ".small"), Pair("Guichet Article", "font-size", ".articleLabel"),
        Pair("Guichet Titre de mention", "font-size", ".mentionTitle"), Pair("Guichet Mention", "font-size", ".mention"),
        Pair("Guichet Cellule", "font-size", "table.table"), Pair("Guichet Source de citation", "font-size", ".quotation figcaption"),
        Pair("Guichet En-tête", "font-size", ".service"),
    ]

    private static let spacing: [Pair] = [
        Pair("Guichet Corps", "margin-top", "p"), Pair("Guichet Corps", "margin-bottom", "p"),
        Pair("Guichet Visa", "margin-bottom", ".visa"), Pair("Guichet Considérant", "margin-bottom", ".considering"),
        Pair("Guichet Dispositif", "margin-top", ".operative"), Pair("Guichet Dispositif", "margin-bottom", ".operative"),
        Pair("Guichet Titre acte", "margin-top", ".actTitle"), Pair("Guichet Titre acte", "margin-bottom", ".actTitle"),
        Pair("Guichet Titre 1", "margin-top", "h1.heading"), Pair("Guichet Titre 1", "margin-bottom", "h1.heading"),
        Pair("Guichet Titre 2", "margin-top", ".heading"), Pair("Guichet Titre 2", "margin-bottom", ".heading"),
        Pair("Guichet Titre 3", "margin-top", "h3.heading"), Pair("Guichet Titre 3", "margin-bottom", "h3.heading"),
        Pair("Guichet Article", "margin-top", ".article"), Pair("Guichet Article", "margin-bottom", ".articleLabel"),
        Pair("Guichet Texte article", "margin-bottom", ".article p"), Pair("Guichet Liste", "margin-bottom", "li.item"),
        Pair("Guichet Titre de mention", "margin-top", ".mention"), Pair("Guichet Titre de mention", "margin-bottom", ".mentionTitle"),
        Pair("Guichet Mention", "margin-bottom", ".mentionText"), Pair("Guichet Petit", "margin-bottom", "p.small"),
        Pair("Guichet Notice", "margin-bottom", ".notice"), Pair("Guichet Séparateur", "margin-top", ".separator"),
        Pair("Guichet Séparateur", "margin-bottom", ".separator"), Pair("Guichet Lieu et date", "margin-top", ".signature"),
        Pair("Guichet Lieu et date", "margin-bottom", ".signature .placeAndDate"),
        // The room to sign: above the name in the ODT, below the title in the HTML.
        Pair("Guichet Signataire", "margin-top", ".signatoryTitle", "margin-bottom"),
        Pair("Guichet Citation", "margin-left", ".quotation"), Pair("Guichet Source de citation", "margin-bottom", ".quotation"),
    ]

    @Test(arguments: fontSizes + spacing)
    private func eachRoleLooksAlike(_ pair: Pair) throws {
        let odf = try #require(Self.odfStyles[pair.style]?[pair.odf], "\(pair.style) : pas de fo:\(pair.odf)")
        let css = try #require(Self.css[pair.selector]?[pair.css], "\(pair.selector) : pas de \(pair.css)")
        #expect(Self.length(odf) == Self.length(css), "\(pair.style) fo:\(pair.odf)=\(odf), \(pair.selector) \(pair.css): \(css)")
    }

    /// « 0cm », « 0 » and « 0.20cm » alike; « !important » left out.
    private static func length(_ value: String) -> String {
        let bare = value.replacing("!important", with: "").trimmingCharacters(in: .whitespaces)
        guard bare.hasSuffix("cm"), let number = Double(bare.dropLast(2)) else { return bare == "0" ? "0" : bare }
        return number == 0 ? "0" : "\(number)cm"
    }

    /// Each « Guichet … » style's `fo:` properties, by display name, as `ODTTemplateStyles` writes them.
    private static let odfStyles: [String: [String: String]] = {
        let xml = ParsedXML("<r xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\(ODTTemplateStyles.xml)</r>")
        var styles: [String: [String: String]] = [:]
        var current = ""
        for element in xml.elements {
            if let name = element.attributes["style:display-name"] { current = name }
            for (key, value) in element.attributes where key.hasPrefix("fo:") { styles[current, default: [:]][String(key.dropFirst(3))] = value }
        }
        return styles
    }()

    /// The HTML style sheet's rules, by selector (a list of selectors gives each its declarations),
    /// with `margin` spread into `margin-top`, `margin-right`, `margin-bottom` and `margin-left`.
    private static let css: [String: [String: String]] = {
        let html = HTMLRendering.string(Document(title: "t"))
        let sheet = html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first ?? ""
        var rules: [String: [String: String]] = [:]
        for block in sheet.components(separatedBy: "}") {
            let parts = block.components(separatedBy: "{")
            guard parts.count >= 2, let body = parts.last else { continue }
            let selectors = parts[parts.count - 2].components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            for declaration in body.components(separatedBy: ";") {
                let field = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard field.count == 2 else { continue }
                for selector in selectors { spread(field[0], field[1], into: &rules[selector, default: [:]]) }
            }
        }
        return rules
    }()

    private static func spread(_ property: String, _ value: String, into declarations: inout [String: String]) {
        guard property == "margin" else { return declarations[property] = value }
        let values = value.split(separator: " ").map(String.init)
        let (top, right, bottom, left): (String, String, String, String) = switch values.count {
        case 1: (values[0], values[0], values[0], values[0])
        case 2: (values[0], values[1], values[0], values[1])
        case 3: (values[0], values[1], values[2], values[1])
        default: (values[0], values[1], values[2], values[3])
        }
        for (side, length) in [("top", top), ("right", right), ("bottom", bottom), ("left", left)] { declarations["margin-" + side] = length }
    }
}

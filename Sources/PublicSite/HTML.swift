import Documents

/// A page being written: the markup the site lays out itself goes as it is, every text from a
/// scheme or from a person goes escaped (`MarkupText.text`), so that no text can open an element
/// or end an attribute. Attributes are always double-quoted, their values escaped alike.
struct HTML {
    private(set) var markup = MarkupText(capacity: 32_768)

    var utf8: [UInt8] { markup.utf8 }

    /// Markup the site writes itself.
    mutating func raw(_ markup: String) { self.markup.raw(markup) }

    /// A text, escaped, its spaces before French punctuation made no-break.
    mutating func text(_ text: String) { markup.text(FrenchTypography.nonBreaking(text)) }

    /// A text with its emphasis (an amount in bold), escaped, its line breaks `<br>`.
    mutating func prose(_ text: Text) { HTMLRendering.inline(text, into: &markup) }

    /// `<tag a="v">`; an attribute without value is left out.
    mutating func open(_ tag: String, _ attributes: [(String, String?)] = []) {
        raw("<" + tag)
        for case let (name, value?) in attributes {
            raw(" \(name)=\"")
            markup.text(value)
            raw("\"")
        }
        raw(">")
    }

    mutating func close(_ tag: String) { raw("</\(tag)>\n") }

    /// `<tag …>text</tag>`.
    mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], _ text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// `<tag …>` then what `content` writes, then `</tag>`.
    mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], content: (inout HTML) -> Void) {
        open(tag, attributes)
        content(&self)
        close(tag)
    }

    /// A link; `text` escaped.
    mutating func link(_ href: String, _ text: String, _ attributes: [(String, String?)] = []) {
        open("a", [("href", href)] + attributes)
        self.text(text)
        raw("</a>")
    }

    /// A hidden field carrying an answer to the next request.
    mutating func hidden(_ name: String, _ value: String) {
        open("input", [("type", "hidden"), ("name", name), ("value", value)])
        raw("\n")
    }
}

/// The frame of every page: `lang="fr"`, the viewport, the site's style sheet (no inline style
/// nor script: the server's Content-Security-Policy allows neither), a link to skip to the
/// content, the header and the footer.
enum Layout {
    static func page(title: String, site: SiteIdentity, status: Int = 200, main: (inout HTML) -> Void) -> SiteResponse {
        var html = HTML()
        html.raw("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", [], title)
        html.raw("<link rel=\"stylesheet\" href=\"\(StyleSheet.path)\">\n</head>\n<body>\n")
        html.raw("<a class=\"skip-link\" href=\"#contenu\">Aller au contenu</a>\n")
        html.raw("<header class=\"site-header\"><div class=\"frame\">")
        html.link("/", "Guichet des aides", [("class", "brand")])
        if let authority = site.authority { html.element("p", [("class", "authority")], authority) }
        html.raw("</div></header>\n<main id=\"contenu\" class=\"frame\">\n")
        main(&html)
        html.raw("</main>\n<footer class=\"site-footer\"><div class=\"frame\">\n")
        html.element("p", [], "Les simulations de ce site ne sont pas des décisions : seule l'autorité compétente décide, après instruction de la demande. Vos réponses ne sont conservées nulle part : elles voyagent dans les formulaires de vos pages, sans cookie ni enregistrement.")
        html.raw("<p>")
        html.link("/", "Toutes les aides")
        html.raw("</p>\n</div></footer>\n</body>\n</html>\n")
        return .html(html.utf8, status: status)
    }
}

/// Who runs the site, as its header says.
struct SiteIdentity: Sendable {
    /// The authority every scheme of the catalogue belongs to; nil when they are several.
    let authority: String?
}

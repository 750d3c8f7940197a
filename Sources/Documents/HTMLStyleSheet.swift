/// The look of an HTML document, inline in its `<style>`: an A4 page with the ODT template's
/// margins (1.5 cm at the top, 1.8 cm on the sides and at the bottom) and its number in the bottom
/// margin when printed (Chromium prints `@page` margin boxes), a white A4 column on a grey
/// background on screen. Fonts are named, never fetched: the first one installed is used.
///
/// The classes are the roles `HTMLBlocks` gives, each with the font size and the spacing of its
/// « Guichet … » style in the ODT (`ODFStyles` in the OpenDocument module, which a test compares
/// with this sheet), so that the two formats look alike. Line heights differ in their unit:
/// LibreOffice's proportional spacing counts the font's own line height (about 1.15 em for
/// Liberation Sans), so its 115 % is about CSS's 1.3, its 105 % about 1.2, its 110 % about 1.25.
enum HTMLStyleSheet {
    static let css = """
    @page {
      size: A4;
      margin: 1.5cm 1.8cm 1.8cm 1.8cm;
      @bottom-right {
        content: "Page " counter(page) " sur " counter(pages);
        font-family: Arial, "Liberation Sans", Helvetica, sans-serif;
        font-size: 8pt;
        color: #444;
      }
    }
    html { background: #e8e8e8; }
    body {
      margin: 0;
      color: #000;
      font-family: Arial, "Liberation Sans", Helvetica, sans-serif;
      font-size: 10pt;
      line-height: 1.3;
    }
    main.document {
      box-sizing: border-box;
      width: 21cm;
      min-height: 29.7cm;
      margin: 1cm auto;
      padding: 1.5cm 1.8cm 1.8cm 1.8cm;
      background: #fff;
      box-shadow: 0 0 0.3cm rgba(0, 0, 0, 0.25);
    }
    p { margin: 0 0 0.2cm 0; text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
    h1, h2, h3, h4, h5, h6 { break-after: avoid; }
    .letterhead { display: flex; justify-content: space-between; gap: 1cm; margin-bottom: 0.8cm; }
    .letterhead .sender { max-width: 9.5cm; }
    .letterhead p { text-align: left; margin: 0 0 0.15cm 0; }
    .authority { font-size: 12pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.02em; }
    .service { font-size: 9pt; }
    table.references { border-collapse: collapse; font-size: 8.5pt; margin-top: 0.2cm; }
    table.references th, table.references td { border: none; padding: 0 0.3cm 0 0; vertical-align: top; text-align: left; }
    table.references th { font-weight: bold; white-space: nowrap; }
    .addressee { font-style: normal; margin-top: 1.6cm; width: 7cm; }
    .heading { font-size: 12pt; margin: 0.45cm 0 0.2cm 0; }
    h1.heading { font-size: 14pt; text-align: center; margin: 0.4cm 0 0.3cm 0; }
    h3.heading, h4.heading, h5.heading, h6.heading { font-size: 10pt; margin: 0.35cm 0 0.15cm 0; }
    .actTitle { text-align: center; margin: 0.6cm 0 0.7cm 0; font-size: 13pt; line-height: 1.4; }
    .actKind { text-transform: uppercase; letter-spacing: 0.03em; }
    .actSubject { font-size: 11pt; }
    .visa, .considering { margin: 0 0 0.12cm 0; }
    .operative { text-align: center; font-weight: bold; margin: 0.45cm 0 0.35cm 0; letter-spacing: 0.02em; }
    .small, .small p { font-size: 8pt; color: #222; }
    p.small { margin: 0 0 0.1cm 0; text-align: left; }
    .article { margin: 0.35cm 0 0.2cm 0; }
    .article p { margin: 0 0 0.15cm 0; }
    .articleLabel { font-size: 10pt; font-weight: bold; margin: 0 0 0.12cm 0; break-after: avoid; }
    ul.list, ol.numbered { margin: 0 0 0.25cm 0; padding-left: 0.8cm; }
    li.item { margin-bottom: 0.08cm; text-align: justify; }
    table.table, table.fields { width: 100%; border-collapse: collapse; margin: 0.15cm 0 0.35cm 0; font-size: 8pt; line-height: 1.2; }
    table.table th, table.table td { border: 0.5pt solid #555; padding: 0.05cm 0.12cm; vertical-align: top; text-align: left; }
    table.table thead { display: table-header-group; }
    table.table thead th { background: #e6e6e6; font-weight: bold; }
    table.fields th, table.fields td { border: none; border-bottom: 0.5pt solid #bbb; padding: 0.06cm 0.12cm; vertical-align: top; text-align: left; }
    table.fields th { font-weight: bold; width: 35%; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .quotation { margin: 0.2cm 0 0.3cm 0.8cm; }
    .quotation blockquote { margin: 0; font-style: italic; }
    .quotation figcaption { font-size: 8.5pt; text-align: right; }
    .mention { margin: 0.3cm 0 0.15cm 0; font-size: 7.5pt; break-inside: avoid-page; }
    .mentionTitle { font-size: 8pt; font-weight: bold; margin: 0 0 0.08cm 0; }
    .mentionText { margin: 0 0 0.08cm 0; line-height: 1.25; }
    .signature { margin: 0.5cm 0 0.5cm 50%; break-inside: avoid; }
    .signature p { text-align: left; margin: 0 0 0.15cm 0; }
    .signature .placeAndDate { margin-bottom: 0.3cm; }
    .signatoryTitle { margin-bottom: 1.4cm !important; }
    .signatoryName { font-weight: bold; }
    .notice { border: 1pt solid #000; background: #f2f2f2; padding: 0.2cm 0.3cm; margin: 0 0 0.5cm 0; font-weight: bold; }
    .notice p { margin: 0; text-align: left; }
    .pageBreak { break-before: page; page-break-before: always; }
    .separator { border: none; border-top: 0.5pt solid #777; margin: 0.3cm 0 0.3cm 0; }
    code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em; word-break: break-all; }
    @media print {
      html { background: none; }
      main.document { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
      .pageBreak { height: 0; }
    }

    """
}

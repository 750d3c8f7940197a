/// The site's only style sheet, served at `/static/guichet.css`: the server's
/// Content-Security-Policy (`style-src 'self'`) refuses inline styles, so every page links to it.
///
/// Readable from a 360-pixel phone to a desktop (one column, at most 46 rem wide, fields the
/// width of the column on a phone); text at least 4.5:1 against its background (#1d1d1b on white,
/// links #0b4f8a, errors #a4000f); a thick yellow and black focus ring on every control and link;
/// motion and colour never the only sign of anything (errors say « Erreur : » in words).
enum StyleSheet {
    static let path = "/static/guichet.css"

    static let css = """
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 100%; -webkit-text-size-adjust: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 1.0625rem; line-height: 1.5; color: #1d1d1b; background: #ffffff; }
    .frame { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
    main.frame { padding-top: 1.5rem; padding-bottom: 3rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
    h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
    h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
    p, ul, ol, dl { margin: 0 0 1rem; }
    a { color: #0b4f8a; text-decoration: underline; text-underline-offset: 0.15em; }
    a:hover { color: #06335a; text-decoration-thickness: 0.15em; }
    a:visited { color: #5a2a82; }
    :focus-visible { outline: 3px solid #1d1d1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd23f; }
    a:focus-visible { background: #ffd23f; color: #1d1d1b; box-shadow: none; outline-offset: 0; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em;
      background: #f1f3f5; padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
    .skip-link { position: absolute; left: -999rem; top: 0; background: #ffd23f; color: #1d1d1b; padding: 0.5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 0; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      clip-path: inset(50%); white-space: nowrap; }
    .site-header { background: #0b4f8a; color: #ffffff; padding: 0.75rem 0; }
    .site-header .frame { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1rem; }
    .site-header a.brand, .site-header a.brand:visited { color: #ffffff; font-weight: 700; font-size: 1.25rem; text-decoration: none; }
    .site-header a.brand:focus-visible { color: #1d1d1b; }
    .site-header .authority { margin: 0; font-size: 0.95rem; }
    .site-footer { border-top: 1px solid #b1b4b6; padding: 1.5rem 0; font-size: 0.95rem; color: #3b3b3b; }
    .eyebrow { color: #3b3b3b; font-size: 1rem; margin-bottom: 0.25rem; }
    .lead { font-size: 1.1875rem; }
    .notice { border: 3px solid #1d1d1b; background: #fff7d6; padding: 0.75rem 1rem; margin: 0 0 1.5rem; font-weight: 700; }
    .notice p { margin: 0; }
    .status { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 3px; font-weight: 600; font-size: 0.95rem; }
    .status-open { background: #dff3e4; color: #0f5323; }
    .status-closed { background: #f3dede; color: #7a0c0c; }
    .status-coming { background: #e6eef7; color: #0b3d6b; }
    .filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; background: #f3f4f5; padding: 1rem; margin-bottom: 1.5rem; }
    .filters .field { margin: 0; flex: 1 1 12rem; }
    .cards { list-style: none; padding: 0; }
    .card { border: 1px solid #b1b4b6; border-left: 6px solid #0b4f8a; padding: 1rem; margin-bottom: 1rem; }
    .card h2 { margin-top: 0; font-size: 1.25rem; }
    .card p:last-child { margin-bottom: 0; }
    .meta { color: #3b3b3b; }
    .toc { background: #f3f4f5; padding: 1rem 1rem 0.5rem 2rem; }
    .rule { border-top: 1px solid #d0d3d5; padding-top: 0.5rem; }
    .rule:target { background: #fff7d6; }
    blockquote { margin: 0.5rem 0 1rem; padding: 0.5rem 1rem; border-left: 5px solid #b1b4b6; background: #f8f8f8; }
    blockquote p { margin: 0 0 0.25rem; }
    figure { margin: 0; }
    figcaption, .citation { font-size: 0.95rem; color: #3b3b3b; }
    .field { margin: 0 0 1.5rem; }
    label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
    fieldset { border: 0; margin: 0 0 1.5rem; padding: 0; min-width: 0; }
    legend { padding: 0; font-size: 1.0625rem; }
    .hint { color: #3b3b3b; margin: 0 0 0.5rem; }
    input[type=text], select { font: inherit; width: 100%; max-width: 30rem; padding: 0.4rem 0.5rem; border: 2px solid #1d1d1b;
      border-radius: 0; background: #ffffff; color: #1d1d1b; min-height: 2.75rem; }
    input.short { max-width: 12rem; }
    .with-unit { display: flex; align-items: center; gap: 0.5rem; }
    .choice { display: flex; align-items: flex-start; gap: 0.6rem; margin: 0 0 0.6rem; }
    .choice input { width: 1.5rem; height: 1.5rem; margin: 0.1rem 0 0; flex: none; accent-color: #0b4f8a; }
    .choice label { font-weight: 400; margin: 0; }
    .field-error input[type=text], .field-error select { border-color: #a4000f; border-width: 3px; }
    .field-error { border-left: 5px solid #a4000f; padding-left: 0.75rem; }
    .error-message { color: #a4000f; font-weight: 700; margin: 0 0 0.5rem; }
    .error-summary { border: 4px solid #a4000f; padding: 1rem; margin: 0 0 1.5rem; }
    .error-summary h2 { margin-top: 0; color: #a4000f; }
    .error-summary a { color: #a4000f; font-weight: 700; }
    .actions { display: flex; flex-wrap: wrap; gap: 1rem; margin: 2rem 0 1rem; }
    .actions .previous { order: -1; }
    button { font: inherit; font-weight: 700; padding: 0.6rem 1.2rem; min-height: 2.75rem; border: 2px solid #0b4f8a; border-radius: 0;
      background: #0b4f8a; color: #ffffff; cursor: pointer; }
    button:hover { background: #06335a; }
    button.secondary { background: #ffffff; color: #0b4f8a; }
    button.secondary:hover { background: #e6eef7; }
    button.link { background: none; border: 0; padding: 0; min-height: 0; color: #0b4f8a; text-decoration: underline; font-weight: 400; }
    .outcome { font-size: 1.375rem; font-weight: 700; padding: 1rem; margin: 0 0 1rem; border-left: 8px solid #0b4f8a; background: #e6eef7; }
    .outcome-favorable { border-color: #0f5323; background: #dff3e4; }
    .outcome-unfavorable { border-color: #7a0c0c; background: #f3dede; }
    .outcome-incomplete, .outcome-toexamine { border-color: #8a5a00; background: #fff4d6; }
    .verdict { display: inline-block; font-weight: 700; padding: 0 0.4rem; border: 2px solid currentColor; }
    .verdict-satisfied { color: #0f5323; }
    .verdict-failed { color: #7a0c0c; }
    .verdict-other { color: #5c4300; }
    .steps { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
    .steps th, .steps td { text-align: left; vertical-align: top; padding: 0.5rem 0.5rem 0.5rem 0; border-bottom: 1px solid #d0d3d5; }
    .steps td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .answers dt { font-weight: 700; }
    .answers dd { margin: 0 0 0.75rem; }
    .downloads { display: flex; flex-direction: column; gap: 0.75rem; align-items: flex-start; }
    @media (max-width: 30rem) {
      h1 { font-size: 1.5rem; }
      .actions { flex-direction: column; align-items: stretch; }
      .actions .previous { order: 1; }
      .steps th, .steps td { display: block; padding: 0.25rem 0; border: 0; }
      .steps tr { display: block; border-bottom: 1px solid #d0d3d5; padding: 0.5rem 0; }
      .steps td.amount { text-align: left; }
    }
    @media print {
      .site-header, .site-footer, .actions, .downloads, .skip-link { display: none; }
    }
    """
}

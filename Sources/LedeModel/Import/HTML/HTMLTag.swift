// SPDX-License-Identifier: Apache-2.0
/// The elements the HTML importer tells apart; everything else is `other`
/// (read like a `<span>`: its text kept, no break around it).
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, picture, source, map
    case img, figure, figcaption
    case p, div, span, section, article, main, header, footer, nav, aside, address, center
    case form, input, button, select, textarea, label, option, fieldset, legend, dialog, menu, details, summary
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd
    case blockquote, q, pre, code
    case table, thead, tbody, tfoot, tr, td, th, caption
    case a, br, hr, time, font, em, strong, b, i, u, small

    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    private static let byName: [String: HTMLTag] = {
        let named: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math, .iframe, .object,
            .embed, .canvas, .video, .audio, .picture, .source, .map, .img, .figure, .figcaption, .p, .div, .span, .section, .article,
            .main, .header, .footer, .nav, .aside, .address, .center, .form, .input, .button, .select, .textarea, .label, .option,
            .fieldset, .legend, .dialog, .menu, .details, .summary, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt,
            .dd, .blockquote, .q, .pre, .code, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .a, .br, .hr, .time, .font,
            .em, .strong, .b, .i, .u, .small,
        ]
        return Dictionary(uniqueKeysWithValues: named.map { ("\($0)", $0) })
    }()

    /// Never text of the page: code, styles, embedded media, the head, form controls.
    var isNeverText: Bool {
        switch self {
        case .head, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .picture, .source, .map, .img, .input, .button, .select, .textarea, .option, .dialog: true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Starts and ends a paragraph of its own (a browser's block boxes, and line breaks).
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .address, .center, .form, .fieldset, .legend, .menu,
             .details, .summary, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .thead,
             .tbody, .tfoot, .tr, .caption, .br, .hr, .figure, .figcaption, .body, .html: true
        default: false
        }
    }
}

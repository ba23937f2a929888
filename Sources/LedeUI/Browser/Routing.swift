// SPDX-License-Identifier: Apache-2.0
/// What a pane or an overlay does with the actions every pane shares. Each
/// pane's conformance sits in its own folder beside its view; `Pane.behaviour`
/// below is the only table that knows them all.
protocol PaneBehaviour {
    /// The title on its border and in help.
    static var title: String { get }
    /// The badge in the status bar.
    static var mode: String { get }
    /// Rows a page key moves.
    static func pageSize(_ state: BrowserState) -> Int
    /// j/k, page keys, g/G.
    static func move(_ state: inout BrowserState, by delta: Int)
    /// Enter.
    static func follow(_ state: inout BrowserState)
    /// A click or a wheel step inside the pane (overlays: anywhere while they are open).
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent)
}

extension PaneBehaviour {
    /// Overlays scroll with the wheel and ignore clicks unless they say otherwise.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        switch event.kind {
        case .wheelDown: move(&state, by: 3)
        case .wheelUp: move(&state, by: -3)
        case .click: break
        }
    }

    /// An overlay's mouse: the wheel moves, a click outside `rect` closes it, a click inside goes to `click`.
    static func overlayMouse(_ state: inout BrowserState, _ event: MouseEvent, rect: Rect, click: (inout BrowserState) -> Void) {
        switch event.kind {
        case .wheelDown: move(&state, by: 3)
        case .wheelUp: move(&state, by: -3)
        case .click:
            if rect.contains(x: event.x, y: event.y) { click(&state) } else { state.overlay = nil }
        }
    }
}

extension Pane {
    /// The routing table: one case per pane.
    var behaviour: any PaneBehaviour.Type {
        switch self {
        case .reader: ReaderPane.self
        case .sidebar: SidebarPane.self
        case .timeline: TimelinePane.self
        case .help: HelpOverlay.self
        case .dossier: DossierOverlay.self
        case .articles: ArticleListOverlay.self
        case .search: CorpusSearchOverlay.self
        }
    }

    public var title: String { behaviour.title }
    public var mode: String { behaviour.mode }
}

extension BrowserState {
    /// The main pane under a screen cell (overlays take every event while open).
    func pane(atX x: Int, y: Int) -> Pane? {
        let layout = screenLayout
        if layout.readerText.contains(x: x, y: y) || layout.reader.contains(x: x, y: y) { return .reader }
        if layout.sidebar.contains(x: x, y: y) { return .sidebar }
        if layout.timeline.contains(x: x, y: y) { return .timeline }
        return nil
    }

    mutating func handleMouse(_ event: MouseEvent) {
        if overlay != nil {
            activePane.behaviour.mouse(&self, event)
        } else if let pane = pane(atX: event.x, y: event.y) {
            pane.behaviour.mouse(&self, event)
        }
    }
}

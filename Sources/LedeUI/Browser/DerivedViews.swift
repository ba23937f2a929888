// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Values derived from the state that both `update` and drawing read: the
/// reader's line layouts, the sidebar's rows, the timeline's releases and the
/// mention lists of the entities in play, each kept beside the inputs it was
/// made from.
///
/// They are plain values, part of the state like any other field: `apply`
/// brings them up to date after each event, and `readAhead` adds what the
/// next keys are likely to need. Reading never stores anything: a read whose
/// inputs changed since the last refresh derives the value afresh, so a stale
/// value is never shown, no getter mutates behind the caller's back and no
/// lock is needed.
struct DerivedViews: Sendable {
    struct LayoutKey: Hashable, Sendable {
        var article: ArticleID
        var width: Int
        var visibleParagraphs: Set<Int>?
        /// Accessible mode writes each mention's type after it.
        var typeTags = false
        /// With type tags, the mentions they come from: linking may find more while the index builds.
        /// (Text alone never changes under an article's id, so untagged layouts outlive generations.)
        var mentionsGeneration = 0
    }

    /// Layouts kept: the current article's, its neighbours', and a few more.
    static let layoutCapacity = 24
    /// Mention lists kept: the focused, selected and dossier entities', and those read ahead.
    static let mentionListCapacity = 8

    private var layouts: [LayoutKey: (layout: ReaderLayout, used: Int)] = [:]
    private var clock = 0
    private var sidebar: (inputs: SidebarModel.Inputs, model: SidebarModel)?
    private var timeline: (inputs: TimelineModel.Inputs, model: TimelineModel)?
    private var mentionLists = KeptPerEntity<EntityMentionList>(capacity: mentionListCapacity)
    /// Mentions over time of the dossier's entity (and the last few opened).
    private var histograms = KeptPerEntity<MentionHistogram>(capacity: 4)
    /// When each organisation with releases is most discussed, while the timeline shows it.
    private var peaks: (generation: Int, peaks: OrganisationPeaks)?
    private var cooccurrence: (key: CooccurrenceKey, table: CooccurrenceTable)?

    /// What a co-occurrence table is made from (the filter narrows its rows later, without asking the corpus again).
    struct CooccurrenceKey: Hashable, Sendable {
        var entity: EntityID
        var unit: CooccurrenceUnit
        var order: CooccurrenceOrder
        var generation: Int
    }

    func cooccurrenceTable(for key: CooccurrenceKey) -> CooccurrenceTable? {
        guard let cooccurrence, cooccurrence.key == key else { return nil }
        return cooccurrence.table
    }

    mutating func keep(_ table: CooccurrenceTable, for key: CooccurrenceKey) { cooccurrence = (key, table) }

    func layout(for key: LayoutKey) -> ReaderLayout? { layouts[key]?.layout }

    /// Keeps a layout, dropping the least recently kept one when full.
    mutating func keep(_ layout: ReaderLayout, for key: LayoutKey) {
        clock += 1
        if layouts[key] == nil, layouts.count >= Self.layoutCapacity,
           let oldest = layouts.min(by: { $0.value.used < $1.value.used })?.key {
            layouts[oldest] = nil
        }
        layouts[key] = (layout, clock)
    }

    /// Marks a kept layout as just used, so the one on screen is never the one dropped.
    mutating func touchLayout(_ key: LayoutKey) {
        guard let kept = layouts[key] else { return }
        clock += 1
        layouts[key] = (kept.layout, clock)
    }

    func sidebarModel(for inputs: SidebarModel.Inputs) -> SidebarModel? {
        guard let sidebar, sidebar.inputs == inputs else { return nil }
        return sidebar.model
    }

    mutating func keep(_ model: SidebarModel, for inputs: SidebarModel.Inputs) { sidebar = (inputs, model) }

    func timelineModel(for inputs: TimelineModel.Inputs) -> TimelineModel? {
        guard let timeline, timeline.inputs == inputs else { return nil }
        return timeline.model
    }

    mutating func keep(_ model: TimelineModel, for inputs: TimelineModel.Inputs) { timeline = (inputs, model) }

    func mentionList(of entity: EntityID, generation: Int) -> EntityMentionList? { mentionLists.value(of: entity, generation: generation) }

    mutating func keep(_ list: EntityMentionList, of entity: EntityID, generation: Int) {
        mentionLists.keep(list, of: entity, generation: generation)
    }

    func histogram(of entity: EntityID, generation: Int) -> MentionHistogram? { histograms.value(of: entity, generation: generation) }

    mutating func keep(_ histogram: MentionHistogram, of entity: EntityID, generation: Int) {
        histograms.keep(histogram, of: entity, generation: generation)
    }

    func organisationPeaks(generation: Int) -> OrganisationPeaks? {
        guard let peaks, peaks.generation == generation else { return nil }
        return peaks.peaks
    }

    mutating func keep(_ value: OrganisationPeaks, generation: Int) { peaks = (generation, value) }
}

/// Values made per entity from one generation of the corpus, the last `capacity` entities asked about.
struct KeptPerEntity<Value: Sendable>: Sendable {
    let capacity: Int
    private var items: [(entity: EntityID, generation: Int, value: Value)] = []

    init(capacity: Int) { self.capacity = capacity }

    func value(of entity: EntityID, generation: Int) -> Value? {
        items.last { $0.entity == entity && $0.generation == generation }?.value
    }

    mutating func keep(_ value: Value, of entity: EntityID, generation: Int) {
        items.removeAll { $0.entity == entity }
        items.append((entity, generation, value))
        if items.count > capacity { items.removeFirst() }
    }
}

/// The period (week or month, as the dossier bins them) in which each
/// organisation that has releases is mentioned most: the timeline's markers.
public struct OrganisationPeaks: Sendable, Hashable {
    public struct Peak: Sendable, Hashable {
        /// The period's first and last day (days since 1970-01-01).
        public var first: Int
        public var last: Int
        public var label: String
        public var mentions: Int
    }

    public var byOrganisation: [String: Peak]

    /// Asks the corpus for each organisation's mentions over time: a lookup and one posting list each.
    init(corpus: any Corpus) {
        var byOrganisation: [String: Peak] = [:]
        for name in Set(corpus.releases.compactMap(\.organisation)) {
            guard let id = corpus.entityID(type: .organisation, label: name) else { continue }
            let histogram = corpus.mentionHistogram(of: id)
            guard let busiest = histogram.busiest else { continue }
            let next = MentionHistogram.start(ofPeriodAfter: busiest.start, histogram.period)
            byOrganisation[name] = Peak(first: busiest.start, last: next - 1, label: histogram.label(of: busiest), mentions: busiest.mentions)
        }
        self.byOrganisation = byOrganisation
    }

    public subscript(organisation: String?) -> Peak? { organisation.flatMap { byOrganisation[$0] } }
}

extension BrowserState {
    /// The reader's lines for an article at the current width; kept ones are reused.
    func readerLayout(of article: ArticleID?, visibleParagraphs: Set<Int>?) -> ReaderLayout {
        guard let article else { return ReaderLayout(lines: [], firstLine: [:]) }
        let key = layoutKey(article, visibleParagraphs: visibleParagraphs)
        if let kept = derived.layout(for: key) { return kept }
        return makeLayout(key) ?? ReaderLayout(lines: [], firstLine: [:])
    }

    /// Keeps an article's layout at the current width, making it if it is not kept yet.
    mutating func keepReaderLayout(of article: ArticleID, visibleParagraphs: Set<Int>?) {
        let key = layoutKey(article, visibleParagraphs: visibleParagraphs)
        if derived.layout(for: key) != nil {
            derived.touchLayout(key)
        } else if let layout = makeLayout(key) {
            derived.keep(layout, for: key)
        }
    }

    func layoutKey(_ article: ArticleID, visibleParagraphs: Set<Int>?) -> DerivedViews.LayoutKey {
        DerivedViews.LayoutKey(article: article, width: screenLayout.readerText.width, visibleParagraphs: visibleParagraphs,
                               typeTags: accessible, mentionsGeneration: accessible ? corpus.generation : 0)
    }

    func makeLayout(_ key: DerivedViews.LayoutKey) -> ReaderLayout? {
        guard let value = corpus.article(key.article) else { return nil }
        var tags: [Int: [Int: String]] = [:]
        if key.typeTags {
            for mention in corpus.mentions(in: key.article) {
                guard let type = corpus.entity(mention.entity)?.type else { continue }
                // Two mentions ending together (a model holding an organisation) share one place: both tags.
                // Models are always lede's finding; a person, place or organisation the publisher did not annotate says so.
                let detected = mention.isDetected && !type.isModelLayer
                let tag = " [" + type.accessibleTag + (detected ? ", detected" : "") + "]"
                tags[mention.paragraph, default: [:]][mention.end, default: ""] += tag
            }
        }
        return ReaderLayout.make(article: value, width: key.width, visibleParagraphs: key.visibleParagraphs, typeTags: tags)
    }

    /// Keeps an entity's mention list, asking the corpus only if it is not kept yet.
    mutating func keepMentionList(of entity: EntityID) {
        let generation = corpus.generation
        if derived.mentionList(of: entity, generation: generation) == nil {
            derived.keep(corpus.mentionList(of: entity), of: entity, generation: generation)
        }
    }

    /// The co-occurrence view's table: the kept one, or made now (a corpus
    /// query: at 10,000 articles, milliseconds to tens of them).
    func cooccurrenceTable(_ view: CooccurrenceState) -> CooccurrenceTable {
        let key = DerivedViews.CooccurrenceKey(entity: view.entity, unit: view.unit, order: view.order, generation: corpus.generation)
        return derived.cooccurrenceTable(for: key) ?? corpus.cooccurrences(of: view.entity, unit: view.unit, order: view.order)
    }

    /// An entity's mentions per week or month (the dossier's sparkline): the kept one, else asked for now.
    func mentionHistogram(of entity: EntityID) -> MentionHistogram {
        derived.histogram(of: entity, generation: corpus.generation) ?? corpus.mentionHistogram(of: entity)
    }

    mutating func keepMentionHistogram(of entity: EntityID) {
        let generation = corpus.generation
        if derived.histogram(of: entity, generation: generation) == nil {
            derived.keep(corpus.mentionHistogram(of: entity), of: entity, generation: generation)
        }
    }

    /// When each organisation is most discussed (the timeline's `p` markers): kept per generation.
    var organisationPeaks: OrganisationPeaks {
        derived.organisationPeaks(generation: corpus.generation) ?? OrganisationPeaks(corpus: corpus)
    }

    mutating func keepOrganisationPeaks() {
        let generation = corpus.generation
        if derived.organisationPeaks(generation: generation) == nil { derived.keep(OrganisationPeaks(corpus: corpus), generation: generation) }
    }

    /// Keeps the sidebar's rows for the current inputs, making them if they changed.
    mutating func keepSidebarModel() {
        if let view = sidebar.cooccurrence {
            let key = DerivedViews.CooccurrenceKey(entity: view.entity, unit: view.unit, order: view.order, generation: corpus.generation)
            if derived.cooccurrenceTable(for: key) == nil { derived.keep(corpus.cooccurrences(of: view.entity, unit: view.unit, order: view.order), for: key) }
        }
        let inputs = SidebarModel.Inputs(state: self)
        if derived.sidebarModel(for: inputs) == nil { derived.keep(SidebarModel(state: self), for: inputs) }
    }

    /// The timeline's releases as shown (its filters applied): the kept ones,
    /// else made now. The only place a `TimelineModel` is made.
    public var timelineModel: TimelineModel {
        derived.timelineModel(for: TimelineModel.Inputs(state: self)) ?? TimelineModel(state: self)
    }

    /// Keeps the timeline's releases for the current inputs, making them if they changed.
    mutating func keepTimelineModel() {
        let inputs = TimelineModel.Inputs(state: self)
        if derived.timelineModel(for: inputs) == nil { derived.keep(timelineModel, for: inputs) }
    }

    /// The selected release's index among those the timeline shows (0, the
    /// first, when none is selected or it is not shown); setting it selects the
    /// release at that index.
    public var timelineSelection: Int {
        get { timelineModel.index(of: timeline.selected) }
        set {
            let releases = timelineModel.releases
            timeline.selected = releases.isEmpty ? nil : releases[clamp(newValue, 0, releases.count - 1)].model
        }
    }

    /// The release the timeline has selected, among those it shows.
    var selectedRelease: Release? {
        let model = timelineModel
        return model.releases[safe: model.index(of: timeline.selected)]
    }

    /// The article changed: its layout and rows, which every read during the rest of the event needs.
    mutating func keepDerivedViewsOfArticle() {
        if let article { keepReaderLayout(of: article, visibleParagraphs: visibleParagraphs) }
        keepSidebarModel()
    }

    /// After each event: what the screen and the next key read is made once
    /// here, rather than by every reader on every keystroke.
    mutating func refreshDerivedViews() {
        keepDerivedViewsOfArticle()
        // The dossier draws its entity's list; the lists `]` and `[` walk are read ahead after drawing.
        if case .dossier(let dossier) = overlay {
            keepMentionList(of: dossier.entity)
            keepMentionHistogram(of: dossier.entity)
        }
        if timeline.showsPeaks { keepOrganisationPeaks() }
        keepTimelineModel()
    }

    /// Reads ahead what the likely next keys need (the neighbouring articles'
    /// text, layout and mentions; the focused entity's postings), so that
    /// `}`, `{` and `]` find it ready. The event loop calls this after drawing,
    /// while it waits for the next key.
    public mutating func readAhead() {
        guard let position = articlePosition else { return }
        var next = [position + 1, position - 1].compactMap { corpus.articleID(at: $0) }
        // And the articles `]` and `[` would open.
        if let focused = reader.focusedMention, let entity = focusedEntity {
            keepMentionList(of: entity)
            let list = mentionList(of: entity)
            if let index = list.index(of: focused, corpus: corpus) {
                for neighbour in [index + 1, index - 1] {
                    if let posting = list.posting(containing: (neighbour + list.count) % max(1, list.count))?.posting {
                        next.append(list.postings[posting].article)
                    }
                }
            }
        }
        for id in Set(next) where id != article {
            keepReaderLayout(of: id, visibleParagraphs: nil)
            // The store keeps the entities and summaries it was asked for.
            let entities = Set(corpus.mentions(in: id).map(\.entity)).union(corpus.annotatedEntities(in: id))
            for entity in entities { _ = corpus.entity(entity) }
            _ = corpus.summary(of: id)
        }
        if let entity = sidebar.selectedEntity { keepMentionList(of: entity) }
        // The article on screen stays the most recently used layout.
        if let article { keepReaderLayout(of: article, visibleParagraphs: visibleParagraphs) }
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Accessible mode's status line after each key: what now has focus, in
/// words, so a screen reader that follows the cursor (or reads the last
/// line) hears what changed. A key that says something itself (a message,
/// an error) keeps its own words.
extension BrowserState {
    var announcement: String? {
        switch activePane {
        case .reader:
            if let mention = reader.focusedMention.flatMap(corpus.mention), let entity = corpus.entity(mention.entity) {
                let visible = navigableMentions
                let place = visible.firstIndex { $0.id == mention.id }.map { "mention \($0 + 1) of \(visible.count): " } ?? ""
                return place.capitalisedFirst + "\(mention.text), \(entity.type.displayName.lowercased())\(mention.isDetected ? ", detected" : "")"
            }
            guard let summary = article.flatMap(corpus.summary(of:)) else { return nil }
            let lines = readerLayout.lines.count
            return "Article \((articlePosition ?? 0) + 1) of \(corpus.articleCount): \(summary.title), line \(min(lines, reader.scroll + 1)) of \(lines)"
        case .sidebar:
            if isFiltering(.sidebar) { return "Filter \(sidebar.filter.isEmpty ? "empty" : sidebar.filter): \(sidebarModel.visibleEntities.count) entities" }
            guard let id = sidebar.selectedEntity, let entity = corpus.entity(id) else { return "Entities: none selected" }
            if let row = sidebarModel.partners[id], let table = sidebarModel.cooccurrence {
                let subject = corpus.entity(table.entity)?.label ?? ""
                return "\(entity.label), \(row.shared) \(table.unit.plural) shared with \(subject), \(SidebarPane.liftText(row)) chance"
            }
            let count = currentMentions.filter { $0.entity == id }.count
            return "\(entity.label), \(entity.type.displayName.lowercased()), \(count) mention\(count == 1 ? "" : "s") here"
        case .timeline:
            let releases = timelineModel.releases
            let selection = timelineSelection
            guard let release = releases[safe: selection] else { return "No releases" }
            let parts = [release.modelName, release.organisation, release.date?.description ?? "undated", release.basisDescription].compactMap { $0 }
            return "Release \(selection + 1) of \(releases.count): " + parts.joined(separator: ", ")
        case .dossier:
            guard case .dossier(let dossier) = overlay, let entity = corpus.entity(dossier.entity) else { return nil }
            let list = dossierList(dossier)
            guard let mention = list.mention(at: dossier.selection, corpus: corpus) else { return "\(entity.label): no mentions" }
            let title = corpus.summary(of: mention.article)?.title ?? ""
            return "\(entity.label), mention \(dossier.selection + 1) of \(list.count), in \(title)"
        case .articles:
            guard case .articles(let articles) = overlay, let id = articles.article(at: articles.selection, in: corpus),
                  let summary = corpus.summary(of: id) else { return nil }
            if isFiltering(.articles) { return "Filter articles: \(articles.filter), \(articles.count(in: corpus)) listed" }
            return "Article \(articles.selection + 1) of \(articles.count(in: corpus)): \(summary.title), \(summary.published?.description ?? "undated"), \(isRead(summary.path) ? "opened before" : "new")"
        case .search:
            guard case .corpusSearch(let search) = overlay else { return nil }
            if prompt == .corpusSearch { return "Search all articles: \(search.query)" }
            guard let hits = search.hits, let hit = hits[safe: search.selection], let summary = corpus.summary(of: hit.article) else { return "No matches" }
            return "Match \(search.selection + 1) of \(hits.count): \(summary.title)\(hit.paragraph.map { ", paragraph \($0 + 1)" } ?? ", title")"
        case .help:
            guard case .help(_, let pane, _) = overlay else { return nil }
            return "Keys of \(pane.title.lowercased()): j and k scroll, q closes"
        }
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

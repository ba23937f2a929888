// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeText
import LedeModel

/// `o` and `y`: what the focused pane hands to the world outside (an address
/// for the web browser, text for the clipboard). `update` only decides what;
/// the event loop opens and copies, as effects.
extension BrowserState {
    /// What `o` opens here: a release's source, an entity's page, or the article's page.
    var addressToOpen: (address: String, what: String)? {
        switch activePane {
        case .timeline:
            guard let release = selectedRelease, let source = release.source else { return nil }
            return (source, "the source of \(release.modelName)")
        case .sidebar:
            if let entity = sidebar.selectedEntity.flatMap(corpus.entity), let url = entity.url { return (url, "the page of \(entity.label)") }
        case .dossier:
            if case .dossier(let dossier) = overlay, let entity = corpus.entity(dossier.entity), let url = entity.url {
                return (url, "the page of \(entity.label)")
            }
        case .articles:
            guard case .articles(let articles) = overlay, let id = articles.article(at: articles.selection, in: corpus) else { return nil }
            return corpus.article(id)?.pageAddress.map { ($0, "the article's page") }
        case .search:
            guard case .corpusSearch(let search) = overlay, let hit = search.hits?[safe: search.selection] else { return nil }
            return corpus.article(hit.article)?.pageAddress.map { ($0, "the article's page") }
        case .reader, .help:
            break
        }
        return currentArticle?.pageAddress.map { ($0, "the article's page") }
    }

    /// What `y` copies here: the sentence of the focused mention, a release, an entity's name, a page address.
    var textToCopy: (text: String, what: String)? {
        switch activePane {
        case .reader:
            if let mention = reader.focusedMention.flatMap(corpus.mention), let sentence = sentence(around: mention) {
                return (sentence, "the sentence")
            }
            return currentArticle?.pageAddress.map { ($0, "the article's address") }
        case .sidebar:
            return sidebar.selectedEntity.flatMap(corpus.entity).map { ($0.label, $0.label) }
        case .timeline:
            guard let release = selectedRelease else { return nil }
            let parts = [release.modelName, release.organisation, release.date?.description, release.source].compactMap { $0 }
            return (parts.joined(separator: " · "), release.modelName)
        case .dossier:
            guard case .dossier(let dossier) = overlay,
                  let mention = dossierList(dossier).mention(at: dossier.selection, corpus: corpus),
                  let sentence = sentence(around: mention) else { return nil }
            return (sentence, "the sentence")
        case .articles, .search:
            return addressToOpen.map { ($0.address, "the address") }
        case .help:
            return nil
        }
    }

    /// The sentence that holds a mention, as the article has it.
    func sentence(around mention: Mention) -> String? {
        guard let paragraph = corpus.article(mention.article)?.paragraphs[safe: mention.paragraph] else { return nil }
        let scalars = Array(paragraph.unicodeScalars)
        guard let range = Sentences.ranges(in: scalars).first(where: { $0.contains(mention.start) }) else { return paragraph }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return String(text).trimmingCharacters(in: .whitespaces)
    }
}

/// `o` and `y` as actions: say what is handed over, and hand it to the loop as an effect.
enum Handoff {
    static func openAddress(_ state: inout BrowserState) -> [Effect] {
        guard let target = state.addressToOpen else {
            state.message = StatusMessage("Nothing here has a web address to open", isError: true)
            return [.repaint]
        }
        guard WebAddress.isOpenable(target.address) else {
            state.message = StatusMessage("Not opening \(ControlCharacters.visible(String(target.address.prefix(60)))): only http and https addresses are opened", isError: true)
            return [.repaint]
        }
        state.message = StatusMessage("Opening \(target.what): \(target.address)")
        return [.openAddress(target.address), .repaint]
    }

    static func copySelection(_ state: inout BrowserState) -> [Effect] {
        guard let copied = state.textToCopy else {
            state.message = StatusMessage("Nothing here to copy", isError: true)
            return [.repaint]
        }
        state.message = StatusMessage("Copying \(copied.what)")
        return [.copy(ArticleText.copyable(copied.text)), .repaint]
    }
}

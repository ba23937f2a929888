// SPDX-License-Identifier: Apache-2.0
/// Everything a key can ask the browser to do. `update` gives each its meaning.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case quit, help, closeOverlay, cancel
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case moveLeft, moveRight
    case nextMention, previousMention, nextSameEntity, previousSameEntity
    case follow, back, forward
    case focusSidebar, focusTimeline, focusReader, cycleFocus
    case search, searchNext, searchPrevious
    case filterEntities, widenFilter
    case nextArticle, previousArticle
    case toggleParagraphFilter, hintMode
    case toggleTimelineList, cycleOrganisationFilter, cycleOrganisationFilterBack, toggleTimelineScope
    case zoomIn, zoomOut, zoomToFit, nextLane, previousLane, togglePeakMarkers
    case toggleOrganisations, togglePeople, toggleLocations, toggleTopics, toggleModels
    case toggleCooccurrence, cycleCooccurrenceUnit, cycleCooccurrenceOrder
    case cycleTheme, listArticles, refreshFeeds
    case searchCorpus, editCorpusSearch
    case openAddress, copy, redraw, suspend, commandLine, toggleMouse, setMark, jumpToMark, saveArticle, pipeArticle, cycleArticleOrder, filterArticles, filterDossier
}

/// The panes and overlays a binding can apply to.
public enum Pane: String, CaseIterable, Sendable, Hashable {
    case reader, sidebar, timeline
    case help, dossier, articles, search
}

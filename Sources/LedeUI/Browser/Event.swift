// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Everything that can reach the browser's event loop. The terminal turns
/// what the user does into `.key`, `.mouse` and `.resize`; the loop adds
/// `.tick` when nothing was typed, and what the index and the folder
/// watcher report. `update(state, event)` is the only consumer.
public enum Event: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal has this size now (also after a suspend: draw everything again).
    case resize(width: Int, height: Int)
    /// Nothing happened within the read timeout (about ten times a second).
    case tick
    /// The store answers differently now (the index committed more); the indexing status, nil when idle.
    case corpusChanged(indexing: IndexingStatus?)
    /// A different store replaces the corpus (the index failed and the files were read in memory).
    case corpusReplaced(any Corpus, indexing: IndexingStatus?)
    /// A one-line report from the background (indexing finished, files could not be read).
    case notice(String, isError: Bool)
    /// Article files under the folders on screen were added, changed or removed since the last look.
    case filesChanged(FileChanges)
    /// How the feed refresh is getting on (`fetching 3/12`); nil when it is done.
    case fetchProgress(String?)
}

/// What `update` asks the event loop to do: everything with a side effect
/// outside the state happens in the loop, never in `update`.
public enum Effect: Hashable, Sendable {
    /// Draw the frame again (what changed is found by the screen diff).
    case repaint
    /// The terminal's idea of the screen is stale (a new theme's colours): redraw every cell.
    case repaintAll
    /// Restore the terminal and end lede.
    case quit
    /// Bring the corpus up to date with the files (the folder changed on disk).
    case reindex(FileChanges)
    /// Open a web address (already checked by `WebAddress.isOpenable`) in the user's browser.
    case openAddress(String)
    /// Put text on the clipboard (OSC 52 or the configured command, as the user allowed).
    case copy(String)
    /// Write a new file (never over an existing one: an article file is never written).
    case writeFile(path: String, contents: String)
    /// Run a shell command with `input` on its standard input, the terminal handed over, and wait for Enter.
    case pipe(command: String, input: String)
    /// Take mouse events (true) or leave the mouse to the terminal, for its own text selection (false).
    case mouseCapture(Bool)
    /// Stop the job as a shell's Ctrl-Z would (the terminal restored); `fg` redraws.
    case suspend
    /// What the reader would want back next time (read marks, places, theme) changed: save it.
    case saveSession
    /// Fetch the subscribed feeds in the background (`[feeds]` of config.toml).
    case refreshFeeds
}

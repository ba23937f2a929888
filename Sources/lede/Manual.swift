// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeModel
import LedeUI

/// `lede manual`: the lede(1) page in man(7) roff. `make install` writes it from the installed
/// binary, so it always describes the commands, options and keys of the build it ships with.
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the lede(1) manual page (man(7) roff).",
        shouldDisplay: false)

    func run() throws {
        var output = StandardOutput()
        output.write(try ManualPage.render(commandLine: ManualPage.dumpedHelp(), keyMap: .defaults))
        try output.finish()
    }
}

/// The page: commands and options from the argument parser's `--experimental-dump-help` JSON (the
/// input swift-argument-parser's own generate-manual plugin reads), keys from the keymap table, and
/// the sections no parser knows (environment, files, exit status, examples) written here.
enum ManualPage {
    /// The dump-help JSON of `lede`, as `lede --experimental-dump-help` prints it, without spawning lede.
    static func dumpedHelp() throws -> DumpedCommand {
        let json: String
        do {
            _ = try Lede.parseAsRoot(["--experimental-dump-help"])
            throw ValidationError("the argument parser did not dump its help")
        } catch let error as ValidationError {
            throw error
        } catch {
            json = Lede.fullMessage(for: error)
        }
        return try JSONDecoder().decode(DumpedHelp.self, from: Data(json.utf8)).command
    }

    static func render(commandLine root: DumpedCommand, keyMap: KeyMap) -> String {
        var page = Page()
        page.line(#".\" lede(1), written by `lede manual` (Sources/lede/Manual.swift) from the argument parser"#)
        page.line(#".\" and the keymap table: edit those, not this file."#)
        page.line(".TH LEDE 1 \(LedeVersion.date) \"lede \(LedeVersion.number)\" \"User Commands\"")

        page.section("NAME")
        let abstract = (root.abstract ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "."))
        page.text("lede \\- " + Roff.escape(abstract.prefix(1).lowercased() + abstract.dropFirst()))

        let commands = (root.subcommands ?? []).filter { $0.isShown && $0.commandName != "help" }
        let browse = commands.first { $0.commandName == "browse" }
        page.section("SYNOPSIS")
        var synopses = [Roff.bold("lede") + (browse.map { Roff.synopsis(of: $0) } ?? "")]
        synopses += commands.map { Roff.bold("lede \($0.commandName)") + Roff.synopsis(of: $0) }
        synopses += [Roff.bold("lede \\-\\-version"), Roff.bold("lede \\-\\-generate\\-completion\\-script") + " " + Roff.italic("bash") + "|" + Roff.italic("zsh") + "|" + Roff.italic("fish")]
        for (index, synopsis) in synopses.enumerated() {
            if index > 0 { page.line(".br") }
            page.line(synopsis)
        }

        page.section("DESCRIPTION")
        for paragraph in description { page.paragraph(Roff.marked(paragraph)) }
        if let discussion = root.discussion { page.paragraph(Roff.escape(discussion)) }

        page.section("OPTIONS")
        page.paragraph("Without a subcommand lede runs " + Roff.bold("lede browse") + ", and takes its options.")
        for argument in root.shownArguments { page.item(Roff.tag(of: argument), Roff.explanation(of: argument)) }
        page.item(Roff.bold("\\-\\-generate\\-completion\\-script") + " " + Roff.italic("shell"),
                  Roff.marked("Print a completion script for `bash`, `zsh` or `fish`; theme names complete from the themes lede finds."))

        page.section("COMMANDS")
        for command in commands {
            page.subsection("lede \(command.commandName)")
            page.line(Roff.bold("lede \(command.commandName)") + Roff.synopsis(of: command))
            page.paragraph(Roff.escape(command.abstract ?? ""))
            if let discussion = command.discussion { page.paragraph(Roff.escape(discussion)) }
            for argument in command.shownArguments where !argument.isHelpOrVersion {
                page.item(Roff.tag(of: argument), Roff.explanation(of: argument))
            }
        }

        page.section("KEYS")
        page.paragraph(Roff.marked(
            "The default bindings, each with the panes and overlays where it acts. `config.toml` rebinds them; `lede keys` prints the bindings in effect. A mouse click acts like Enter on what it is on; the wheel scrolls what is under the pointer."))
        for binding in keyMap.bindings where !binding.keys.isEmpty {
            let keys = binding.keys.map { Roff.bold(Roff.escape(ControlCharacters.visible($0.name))) }.joined(separator: " ")
            let panes = Pane.allCases.filter { binding.panes.contains($0) }.map { $0.title.lowercased() }.joined(separator: ", ")
            page.item(keys, Roff.escape("\(binding.help); in \(panes)"))
        }

        for (title, entries) in [("ENVIRONMENT", environment), ("FILES", files), ("EXIT STATUS", exitStatus)] {
            page.section(title)
            for (term, text) in entries { page.item(Roff.marked(term), Roff.marked(text)) }
        }

        page.section("EXAMPLES")
        for (command, text) in examples {
            page.paragraph(Roff.marked(text))
            page.line(".RS 4")
            page.line(".nf")
            page.line(Roff.escape(command))
            page.line(".fi")
            page.line(".RE")
        }

        page.section("SEE ALSO")
        page.text(Roff.bold("less") + "(1), " + Roff.bold("terminfo") + "(5)")
        return page.text
    }

    // The prose below is marked up with `backticks` for bold.

    static let description = [
        "lede shows news articles in a terminal with every mention of an entity (organisation, person, place, topic, AI model) highlighted: the article in the reader, the entities in a sidebar you filter keystroke by keystroke, and a timeline of the AI model releases the articles talk about. Tab walks the mentions; Enter on one opens the entity's dossier, every mention in every loaded article.",
        "Articles are pages scraped from a news site: a `# title` line, the page text and the publisher's annotations JSON. Other sources are read too, the format sniffed from each file: content-API JSON, Markdown with YAML front matter, JSON Lines (one article a line, named `file.jsonl:LINE`), brat standoff (`x.txt` beside `x.ann`) and spaCy JSON, whose entity spans are shown as given; and web pages (HTML as saved or fetched), whose main text is found among the page's navigation, share bars, related links and comments, with the title, authors, date, address and site the page states. WARC archives (`.warc`, `.warc.gz`) are containers: each HTTP response record with an HTML page is an article named `file.warc.gz:OFFSET`. `lede fetch` stores pages from feeds (RSS, Atom) and addresses, each with a `.meta` file of what the feed said of it. Folders are read recursively (`.txt`, `.json`, `.md`, `.markdown`, `.jsonl`, `.ndjson`, `.html`, `.htm`, `.xhtml`, `.warc`, `.warc.gz`). Without paths lede opens its bundled sample articles. The subcommands print what lede derives (parsed articles, entities with mentions, model releases, search hits, the entity network) as JSON, TSV, CSV, Markdown, DOT or GraphML; the same files always give the same bytes.",
        "The timeline is read from the articles' sentences: a model named by the shape of its name (a new name needs no list), the organisation that released it (the subject of the release verb, not an investor, host or rival), the date the sentence states (resolved against the publication date, at the precision the text gives: a day, a month, a quarter, a half, a season or a year) and its status: `released`, `planned`, `delayed` or `cancelled`. A dateline, a correction notice and a \"year in review\" list are read as such. The bundled catalogue of known releases (and your `releases.tsv`) only fills in what no article states, and says so when an article disagrees with it; `--no-catalogue` (or `catalogue = false`) leaves it out.",
    ]

    /// Every variable the code reads (a test holds this list to the sources).
    static let environment: [(String, String)] = [
        ("`NO_COLOR`", "When set and not empty, the browser draws with attributes only, as `--no-color` does."),
        ("`TERM`", "The terminal type. The browser needs one that terminfo knows and that can move the cursor; otherwise it says so and exits 2. Colours follow the entry: truecolor (`*-direct`), 256, 16, 8 or none."),
        ("`LANG`, `LC_ALL`, `LC_CTYPE`", "The locale. When it is not UTF-8 the browser uses C.UTF-8 for the screen."),
        ("`XDG_CONFIG_HOME`", "The configuration folder is `$XDG_CONFIG_HOME/lede`."),
        ("`XDG_CACHE_HOME`", "The index is kept in `$XDG_CACHE_HOME/lede` when that is an absolute path."),
        ("`XDG_STATE_HOME`", "What the browser remembers between sessions is kept in `$XDG_STATE_HOME/lede`."),
        ("`XDG_DATA_HOME`", "`lede fetch` stores into `$XDG_DATA_HOME/lede/articles` when that is an absolute path and neither `--into` nor `[feeds] folder` says otherwise."),
        ("`HOME`", "Without the XDG variables: `~/.config/lede`, `~/.cache/lede` and `~/.local/state/lede`."),
        ("`BROWSER`", "The web browser `o` opens pages with: a colon-separated list of commands, `%s` standing for the address (else it is added at the end). Without it, `xdg-open`, then `sensible-browser`."),
        ("`PATH`", "Where the browser and clipboard commands are looked for."),
        ("`LEDE_THEMES`", "A folder to take the shipped themes from instead of the resource bundle beside the binary; the user's themes still shadow them."),
        ("`LEDE_THREADS`", "Threads for reading and linking articles (1 to 64; default: one per core). Output does not depend on it."),
        ("`LEDE_MAX_FILE_MB`", "The largest article file read, in megabytes (default 16). A larger file is refused by its size, with a message naming it."),
        ("`LEDE_FETCH_TIMEOUT`", "Seconds a server may send nothing before `lede fetch` (and the browser's `R`) gives up on it (default 30; `--timeout` wins)."),
        ("`LEDE_TRACE`", "When set, startup and index phase timings go to stderr (for profiling)."),
    ]

    static let files: [(String, String)] = [
        ("`$XDG_CONFIG_HOME/lede/config.toml`", "The theme (`theme = \"light\"`), key rebindings (a `[keys]` table of action = [\"key\", …]), how `y` copies (a `[clipboard]` table: `osc52 = true` to set the terminal's clipboard, or `command = \"wl-copy\"`; off until set), `remember = false` to keep nothing between sessions, `accessible = true` for accessible mode (as `--accessible`), `mouse = false` to leave the mouse to the terminal (as `M`) and `catalogue = false` to date releases from the articles alone (as `--no-catalogue`). A problem is reported with file and line, and the defaults stay."),
        ("`[feeds]` in `config.toml`", "`urls = [\"https://example.org/feed.xml\", …]`, the feeds (or pages) `lede fetch` without addresses fetches and `R` refreshes in the browser; `folder = \"~/news/feeds\"`, where they go."),
        ("`$XDG_DATA_HOME/lede/articles/`", "Where `lede fetch` stores by default: `DATE-TITLE.html`, the page as fetched, beside `DATE-TITLE.meta`, JSON with the feed's title, authors, date, link, guid, the fetch time and the final address. A file is never overwritten. `.lede-fetch.json` keeps the validators (ETag, Last-Modified) per address and what is stored, by guid or link; delete it and the `.meta` files tell again."),
        ("`$XDG_CONFIG_HOME/lede/themes/`", "Your themes, `NAME.toml`; they shadow shipped themes of the same name. `lede themes` lists them all, `lede themes --check` validates them."),
        ("`$XDG_CONFIG_HOME/lede/releases.tsv`", "Model releases added to the shipped catalogue: model, organisation, date `YYYY[-MM[-DD]]`, aliases, source URL, tab-separated."),
        ("`$XDG_CONFIG_HOME/lede/furniture.tsv`", "Site furniture (page chrome) added to the shipped list."),
        ("`$XDG_CACHE_HOME/lede/`", "The index: an SQLite file per set of paths, with parsed articles, mentions, entities, releases and full-text search. It is a cache; deleting it loses nothing. `--no-index` neither reads nor writes it."),
        ("`$XDG_STATE_HOME/lede/session.json`", "What the browser remembers between sessions, by file path: the article last on screen (lede opens it again), where you were in each article, which articles you opened (the article list marks the others `N`), and the theme chosen with `T` (unless `--theme` or `theme =` chooses one). Written whole and renamed into place; delete it to start afresh."),
        ("`lib/lede/` of the installation", "The binary and, beside it, its resource bundles (`lede_*.resources`: the sample articles, the data files, the shipped themes) and `lede.commit`, the commit it was built from."),
    ]

    static let exitStatus: [(String, String)] = [
        ("0", "Success; also leaving the browser with `q` or Ctrl-C."),
        ("1", "An input could not be read or parsed (the rest is still processed and each problem named on stderr), the index could not be read (each failed read named; the output is incomplete), an address could not be fetched (`lede fetch`: what was fetched is kept), the output could not be written, `config.toml` has problems (`lede keys`), or a theme has errors (`lede themes --check`)."),
        ("2", "A usage error, no usable terminal for the browser, or nothing usable at all."),
        ("128+n", "The browser was ended by signal n, after restoring the terminal: 130 for SIGINT, 143 for SIGTERM, 129 when the terminal went away."),
    ]

    static let examples: [(String, String)] = [
        ("lede", "Browse the bundled sample articles:"),
        ("lede ~/news/ai", "Browse a folder of articles, indexed in the cache so that the next start is immediate:"),
        ("lede --theme light --no-index article.txt", "One file in the light theme, without the index:"),
        ("lede timeline --format markdown ~/news/ai", "The model releases the articles talk about, oldest first, as a Markdown table:"),
        ("lede timeline --explain DeepSeek-R1 --format text ~/news/ai", "Every sentence behind one model's release date:"),
        ("lede timeline --no-catalogue --format csv ~/news/ai", "The releases as the articles alone state them, with status and period:"),
        ("lede parse --format json saved-page.html | jq '.articles[0] | {title, authors, published, url, site}'", "What lede found in a saved web page:"),
        ("lede search --format tsv '\"open source\" deepseek*' ~/news/ai", "Paragraphs holding a phrase and a word starting with deepseek:"),
        ("lede entities ~/news/ai | jq -r '.entities[] | select(.type == \"PERSON\") | .label'", "The people the articles name:"),
        ("lede fetch https://example.org/feed.xml --into ~/news/feeds && lede ~/news/feeds", "Fetch a feed's new articles into a folder and read them:"),
        ("lede parse crawl.warc.gz:12345", "One page from a WARC archive, by the offset of its record:"),
        ("lede --generate-completion-script bash > ~/.local/share/bash-completion/completions/lede", "Tab completion for bash, if your installation did not put it in place:"),
    ]
}

/// A man page being written, line by line.
private struct Page {
    var text = ""

    mutating func line(_ line: String) { text += line + "\n" }

    /// A text line: never starting with a control character (`.` or `'`), which roff would take for a request.
    mutating func text(_ line: String) { self.line(line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line) }

    mutating func section(_ title: String) { line(".SH \"\(title)\"") }
    mutating func subsection(_ title: String) { line(".SS \"\(title)\"") }

    mutating func paragraph(_ body: String) {
        line(".PP")
        text(body)
    }

    mutating func item(_ tag: String, _ body: String) {
        line(".TP")
        text(tag)
        text(body)
    }
}

/// Text into roff, and the parts of a page made from the parser's description of arguments.
enum Roff {
    /// Plain text as roff prints it: backslashes and minus signs escaped (a man page's `-` is a hyphen
    /// that breaks copying options), every non-ASCII character as `\[uXXXX]` (no input encoding to
    /// guess), line breaks as spaces (the caller decides where lines go).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case "\n", "\r", "\t": result += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            case _ where scalar.isASCII: result.unicodeScalars.append(scalar)
            default: result += "\\[u" + String(format: scalar.value > 0xFFFF ? "%05X" : "%04X", scalar.value) + "]"
            }
        }
        return result
    }

    static func bold(_ roff: String) -> String { "\\fB" + roff + "\\fR" }
    static func italic(_ roff: String) -> String { "\\fI" + roff + "\\fR" }

    /// Text with `backtick` spans in bold.
    static func marked(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 1 ? bold(escape(String($0.element))) : escape(String($0.element)) }
            .joined()
    }

    /// ` [--format format] [--no-index] [paths ...]`: the command's arguments as its usage line shows them.
    static func synopsis(of command: DumpedCommand) -> String {
        command.shownArguments.filter { !$0.isHelpOrVersion }.map { argument in
            let usage = argument.kind == "positional" ? italic(escape(argument.valueName ?? "value")) : spelled(argument.preferredName ?? argument.names?.first, argument)
            let repeated = argument.isRepeating ? usage + " ..." : usage
            return " " + (argument.isOptional ? "[" + repeated + "]" : repeated)
        }.joined()
    }

    /// `-h, --help` or `--format format`: an argument's names, for the head of its entry.
    static func tag(of argument: DumpedArgument) -> String {
        if argument.kind == "positional" { return italic(escape(argument.valueName ?? "value")) + (argument.isRepeating ? " ..." : "") }
        return (argument.names ?? []).map { spelled($0, argument) }.joined(separator: ", ")
    }

    static func explanation(of argument: DumpedArgument) -> String {
        var parts = [argument.abstract ?? ""]
        if let values = argument.allValues, values.count > 1 { parts.append("One of: \(values.joined(separator: ", ")).") }
        if let value = argument.defaultValue, !value.isEmpty, argument.kind == "option" { parts.append("Default: \(value).") }
        if let discussion = argument.discussion, !discussion.isEmpty { parts.append(discussion) }
        return escape(parts.filter { !$0.isEmpty }.joined(separator: " "))
    }

    private static func spelled(_ name: DumpedArgument.Name?, _ argument: DumpedArgument) -> String {
        guard let name else { return "" }
        let dashes = name.kind == "long" ? "--" : "-"
        let flag = bold(escape(dashes + name.name))
        return argument.kind == "option" ? flag + " " + italic(escape(argument.valueName ?? "value")) : flag
    }
}

/// The parts of swift-argument-parser's dump-help JSON (ToolInfoV0) the page uses.
struct DumpedHelp: Decodable {
    var command: DumpedCommand
}

struct DumpedCommand: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var arguments: [DumpedArgument]?
    var subcommands: [DumpedCommand]?

    var isShown: Bool { shouldDisplay ?? true }
    var shownArguments: [DumpedArgument] { (arguments ?? []).filter { $0.shouldDisplay ?? true } }
}

struct DumpedArgument: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
    }

    var kind: String
    var shouldDisplay: Bool?
    var isOptional: Bool
    var isRepeating: Bool
    var names: [Name]?
    var preferredName: Name?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var discussion: String?

    var isHelpOrVersion: Bool { kind == "flag" && ["help", "version"].contains(preferredName?.name) }
}

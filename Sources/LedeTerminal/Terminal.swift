// SPDX-License-Identifier: Apache-2.0
// LedeTerminal is the only module that touches curses: it starts and
// restores the terminal, decodes input into `Event`s, maps theme colours to
// colour pairs, and copies a `ScreenBuffer` to the screen cell by cell,
// writing only the cells that changed since the last frame.
//
// Starting and restoring curses, keys, suspending and signals are here;
// drawing a frame is in Terminal+Drawing. The flags the signal handlers set
// (the first terminating signal, a pending suspend or continue, whether
// curses is active) are `volatile sig_atomic_t` in the CSignalFlags target,
// polled by the event loop every 100 ms.
import CNcursesw
import CSignalFlags
import Foundation
import LedeUI

/// Why the browser cannot start on this terminal.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String
}

public final class Terminal {
    public private(set) var capability: ColorCapability = .none
    /// The frame on screen, which the next draw is compared with (Terminal+Drawing).
    var previous: ScreenBuffer?
    /// Colour pairs made so far, by colours.
    var pairs: [PairKey: Int32] = [:]
    var nextPair: Int32 = 1
    private let environment: [String: String]
    private let forceNoColor: Bool

    struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, noColor: Bool = false) {
        self.environment = environment
        self.forceNoColor = noColor
    }

    /// Makes sure wide characters work: the environment's locale if it is
    /// UTF-8, else `C.UTF-8`.
    public static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// Why `TERM` cannot carry the browser, or nil when it can. Looks in
    /// terminfo without writing to the terminal, so it is safe before curses starts.
    public static func unusableTerminal(term: String?) -> String? {
        let advice = "run it in a terminal with TERM=xterm-256color or similar, or use lede parse/entities/timeline/search for text output"
        guard let term, !term.isEmpty else { return "TERM is not set, so the browser cannot draw; \(advice)" }
        let shown = "\"" + (term.count > 60 ? String(term.prefix(60)) + "…" : term) + "\""
        switch lede_terminfo_status(term, STDOUT_FILENO) {
        case 1: return nil
        case 0: return "TERM is \(shown), which cannot draw the browser; \(advice)"
        case -1: return "TERM is \(shown), which this system's terminal database (terminfo) does not know; \(advice)"
        default: return "no terminal database (terminfo) found for TERM \(shown); install ncurses-base or set TERMINFO, or use lede parse/entities/timeline/search for text output"
        }
    }

    /// Takes over the terminal: curses mode, raw keys, the alternate screen.
    /// Throws, without having written anything, when curses cannot start.
    public func start() throws {
        Terminal.ensureUTF8Locale()
        // The terminal's suspend key (Ctrl-Z unless `stty susp` says otherwise): raw mode delivers it as a key.
        // Not when SIGTSTP is ignored: no job control, so nothing could bring a stopped lede back.
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0, lede_signal_ignored(SIGTSTP) == 0 {
            suspendCharacter = withUnsafeBytes(of: &modes.c_cc) { UInt32($0[Int(VSUSP)]) }
        }
        // Before newterm: curses installs its own SIGINT/SIGTERM/SIGTSTP handlers only where none is set.
        installSignalHandlers()
        // Short escape delay: Esc should feel instant.
        setenv("ESCDELAY", "25", 0)
        // newterm rather than initscr, which prints its own message and exits.
        guard lede_newterm() != nil else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            throw TerminalUnavailable(description: "cannot start the terminal (TERM is \"\(term)\"); run it in a terminal with TERM=xterm-256color or similar, or use lede parse/entities/timeline/search for text output")
        }
        def_prog_mode()
        lede_set_curses_active(1)
        raw()
        noecho()
        nonl()
        keypad(lede_stdscr(), true)
        intrflush(lede_stdscr(), false)
        curs_set(0)
        wtimeout(lede_stdscr(), 100)
        mousemask(lede_all_mouse_events(), nil)
        mouseinterval(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        capability = forceNoColor ? .none : ColorCapability.detect(colors: Int(lede_colors()), hasColors: has_colors(), environment: environment)
        previous = nil
    }

    /// Restores the terminal. Safe to call twice.
    public func stop() {
        guard lede_take_curses_active() != 0 else { return }
        endwin()
    }

    public var size: (width: Int, height: Int) { (Int(lede_cols()), Int(lede_lines())) }

    /// A signal asked us to stop (any whose default action ends the process), or the terminal went away.
    public var terminationRequested: Bool { lede_termination_signal() != 0 || terminalLost }

    /// The signal that asked us to stop, if one did (the first one).
    public var terminationSignal: Int32? {
        let number = lede_termination_signal()
        return number == 0 ? nil : number
    }

    /// Set when the terminal has been closed under us (its tty is gone), so
    /// the loop ends instead of polling a dead device for ever.
    public private(set) var terminalLost = false
    private var idlePolls = 0
    /// Whether the cursor is visible now (curs_set(0) at start).
    var cursorShown = false
    /// The byte the terminal's suspend key sends (0: none).
    private var suspendCharacter: UInt32 = 0

    // MARK: - Keys

    /// The next key, mouse event or resize; `.tick` when nothing came within
    /// the read timeout. After a suspend (the suspend key or SIGTSTP) or a
    /// SIGCONT it is `.resize`: the screen is to be drawn again, perhaps at a new size.
    public func readEvent() -> Event {
        readInput() ?? .tick
    }

    /// Nil for a timeout or a code that is no key lede knows.
    private func readInput() -> Event? {
        if !pendingInput.isEmpty { return pendingInput.removeFirst() }
        if lede_take_suspend() != 0 { return suspend() }
        if lede_take_continue() != 0 { return resume() }
        var character: wint_t = 0
        let result = wget_wch(lede_stdscr(), &character)
        if result == ERR {
            idlePolls += 1
            if idlePolls % 10 == 0 {
                var modes = termios()
                if tcgetattr(STDIN_FILENO, &modes) != 0 {
                    // A hangup, whether or not its SIGHUP has arrived yet: end as SIGHUP would.
                    terminalLost = true
                    lede_record_termination(SIGHUP)
                }
            }
            return nil
        }
        idlePolls = 0
        if result == lede_key_code_yes() { return functionKey(Int32(character)) }
        // The suspend key reads as C-z whatever `stty susp` calls it; the keymap asks for the suspend as an effect.
        if suspendCharacter != 0 && UInt32(character) == suspendCharacter { return .key(.control("z")) }
        if character == 27 { return escape() }
        return characterKey(UInt32(character)).map(Event.key)
    }

    /// Input read after an ESC that belongs to the next event.
    private var pendingInput: [Event] = []

    /// ESC alone is Esc. ESC `[` or ESC `O` starts a sequence curses did not
    /// know for this terminal, ESC `]`, `P`, `_`, `^` or `X` a terminal's reply
    /// or string: read to its end and decode it as one key (or none), never as
    /// the characters it is made of. ESC and anything else is Esc, then that key.
    private func escape() -> Event? {
        // The rest of a sequence arrives with its ESC; a person's next key does not come within 25 ms.
        wtimeout(lede_stdscr(), 25)
        defer { wtimeout(lede_stdscr(), 100) }
        var next: wint_t = 0
        let result = wget_wch(lede_stdscr(), &next)
        if result == ERR { return .key(.escape) }
        if result == lede_key_code_yes() {
            if let event = functionKey(Int32(next)) { pendingInput.append(event) }
            return .key(.escape)
        }
        guard let scalar = Unicode.Scalar(UInt32(next)), scalar == "[" || scalar == "O" || EscapeSequence.stringIntroducers.contains(Character(scalar)) else {
            if let key = characterKey(UInt32(next)) { pendingInput.append(.key(key)) }
            return .key(.escape)
        }
        let introducer = Character(scalar)
        var body: [Character] = []
        while true {
            var value: wint_t = 0
            let read = wget_wch(lede_stdscr(), &value)
            // Cut short: nothing lede knows; drop it rather than type it.
            guard read != ERR, read != lede_key_code_yes(), let part = Unicode.Scalar(UInt32(value)) else { return nil }
            body.append(Character(part))
            if EscapeSequence.scan(introducer: introducer, body: body) == .complete { break }
        }
        return EscapeSequence.key(introducer: introducer, body: body).map(Event.key)
    }

    /// Performs the suspend effect: as `suspend()`, or nil without job
    /// control (SIGTSTP ignored at start), where nothing could bring lede back.
    public func suspendJob() -> Event? {
        guard lede_signal_ignored(SIGTSTP) == 0 else { return nil }
        return suspend()
    }

    /// Stops as a cooked terminal's Ctrl-Z would: restores the terminal,
    /// stops the process group with SIGTSTP (so the shell's job is stopped),
    /// and on `fg` comes back to curses mode.
    private func suspend() -> Event {
        _ = lede_take_suspend()
        endwin()
        signal(SIGTSTP, SIG_DFL)
        var tstp = sigset_t()
        sigemptyset(&tstp)
        sigaddset(&tstp, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &tstp, nil)
        kill(0, SIGTSTP)
        // Stopped here until SIGCONT (an orphaned process group is not stopped at all).
        Terminal.catchSignal(SIGTSTP, lede_record_suspend)
        lede_clear_continue()
        return resume()
    }

    /// Back from a stop: raw modes again (the shell set its own), the size
    /// the terminal has now, and a full repaint on the next draw.
    private func resume() -> Event {
        reset_prog_mode()
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0,
           Int32(window.ws_row) != lede_lines() || Int32(window.ws_col) != lede_cols() {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        clearok(lede_curscr(), true)
        previous = nil
        curs_set(0)
        cursorShown = false
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_DOWN: return .key(.down)
        case KEY_UP: return .key(.up)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case lede_key_resize():
            let (width, height) = size
            previous = nil
            return .resize(width: width, height: height)
        case lede_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            if state & lede_button4_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: Int(event.x), y: Int(event.y))) }
            if lede_button5_pressed() != 0, state & lede_button5_pressed() != 0 {
                return .mouse(MouseEvent(kind: .wheelDown, x: Int(event.x), y: Int(event.y)))
            }
            if state & lede_button1_clicked() != 0 { return .mouse(MouseEvent(kind: .click, x: Int(event.x), y: Int(event.y))) }
            return nil
        default:
            if code >= KEY_F0 + 1 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
            return nil
        }
    }

    /// Takes mouse events, or leaves the mouse to the terminal (its own text selection works then).
    public func setMouseCapture(_ on: Bool) {
        mousemask(on ? lede_all_mouse_events() : 0, nil)
    }

    /// Gives the terminal to another program (a web browser in the
    /// terminal, a clipboard command) and takes it back: the shell's modes
    /// while `body` runs, then curses mode, the size the terminal has now,
    /// and a full repaint on the next draw.
    public func runOutside<T>(_ body: () throws -> T) rethrows -> T {
        endwin()
        defer {
            reset_prog_mode()
            clearok(lede_curscr(), true)
            previous = nil
            curs_set(0)
            cursorShown = false
        }
        return try body()
    }

    /// Sets the terminal's clipboard with OSC 52: the text goes as base64,
    /// so nothing in it can act as a control sequence.
    public func copyWithOSC52(_ text: String) {
        let sequence = "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        // Straight to the terminal: curses has flushed its frame (doupdate) by the time an effect runs.
        sequence.utf8CString.withUnsafeBufferPointer { pointer in
            _ = write(STDOUT_FILENO, pointer.baseAddress, pointer.count - 1)
        }
    }

    /// Forgets the last frame so the next draw repaints everything
    /// (after a theme change or a resize).
    public func invalidate() {
        previous = nil
        pairs.removeAll()
        nextPair = 1
    }

    // MARK: - Signals

    /// Signals whose default action ends the process and that come from
    /// outside (kill, the terminal going away, resource limits, timers).
    /// Their handler only records the first one; the event loop sees it
    /// within 100 ms and ends, the caller restores the terminal, then
    /// `exit(bySignal:)` re-raises it with the default action.
    static var terminatingSignals: [Int32] {
        var numbers = [SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO]
        #if os(Linux)
        numbers += [SIGSTKFLT, SIGPWR]
        numbers += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        #endif
        return numbers
    }

    /// Faults: the program cannot go on, so the handler restores the
    /// terminal at once (not async-signal-safe, but the process is lost
    /// anyway) and re-raises.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    private static func catchSignal(_ number: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(number, &action, nil)
    }

    private func installSignalHandlers() {
        // A parent may have blocked these; the browser needs them delivered.
        let caught = Terminal.terminatingSignals + Terminal.fatalSignals + [SIGTSTP, SIGCONT]
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in caught + [SIGWINCH] { sigaddset(&wanted, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        // A signal ignored at entry (nohup, a shell without job control) stays ignored.
        for signalNumber in Terminal.terminatingSignals where lede_signal_ignored(signalNumber) == 0 {
            Terminal.catchSignal(signalNumber, lede_record_termination)
        }
        if lede_signal_ignored(SIGTSTP) == 0 { Terminal.catchSignal(SIGTSTP, lede_record_suspend) }
        Terminal.catchSignal(SIGCONT, lede_record_continue)
        // A crash must not leave the terminal in raw mode.
        for signalNumber in Terminal.fatalSignals {
            signal(signalNumber) { number in
                if lede_take_curses_active() != 0 { endwin() }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Ends the process as `number` would have, once the terminal is
    /// restored: the default action, re-raised, so the parent sees the
    /// signal (a shell reports 128 + n).
    public static func exit(bySignal number: Int32) -> Never {
        fflush(nil)
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}

// SPDX-License-Identifier: Apache-2.0
/// How `y` may put text on the clipboard. Both ways are off until the user
/// turns one on: OSC 52 lets any program that writes to the terminal set the
/// clipboard, so lede does not use it unasked.
public struct ClipboardSetting: Sendable, Equatable {
    /// Send the text to the terminal as an OSC 52 sequence (xterm, kitty, iTerm2, tmux with set-clipboard on).
    public var osc52 = false
    /// A command that reads the text on its standard input (`wl-copy`, `xclip -selection clipboard`).
    public var command: String?

    public init(osc52: Bool = false, command: String? = nil) {
        self.osc52 = osc52
        self.command = command
    }

    public var isEnabled: Bool { osc52 || command != nil }
}

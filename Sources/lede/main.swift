// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation

// Usage errors exit 2 (README "Command line", the man page's EXIT STATUS), not ArgumentParser's 64.
do {
    var command = try Lede.parseAsRoot()
    try command.run()
} catch {
    let code = Lede.exitCode(for: error)
    if code == .validationFailure {
        // Our own usage text: its line breaks are meant (article text never reaches it).
        printError(Lede.fullMessage(for: error), keepingLineBreaks: true)
        exit(2)
    }
    Lede.exit(withError: error)
}

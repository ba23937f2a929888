import ArgumentParser
import Foundation

// Usage errors exit 2 (DESIGN §6), not ArgumentParser's 64.
do {
    var command = try Lede.parseAsRoot()
    try command.run()
} catch {
    let code = Lede.exitCode(for: error)
    if code == .validationFailure {
        printError(Lede.fullMessage(for: error))
        exit(2)
    }
    Lede.exit(withError: error)
}

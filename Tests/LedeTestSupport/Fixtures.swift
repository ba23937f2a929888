// Shared helpers for the test targets: locating the package and its fixtures.
import Foundation

public enum PackagePaths {
    /// The package root, found from this source file's location.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/LedeModelTests/Fixtures").appendingPathComponent(name).path
    }

    public static var samples: String { root.appendingPathComponent("Sources/lede/Samples").path }
}

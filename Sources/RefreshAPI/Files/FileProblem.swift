import Foundation

/// Why a file could not be read or written, in plain words ("it is a folder", "permission denied", "no space
/// left on device"), never a Foundation error code.
public enum FileProblem {
    /// Why reading `path` failed.
    public static func reading(_ path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "there is no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return systemReason(error) ?? "it cannot be read"
    }

    /// Why writing `path` failed.
    public static func writing(_ path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a folder; name a file"
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "the folder \(folder) does not exist"
        }
        if !FileManager.default.isWritableFile(atPath: folder) { return "permission denied" }
        return systemReason(error) ?? "it cannot be written"
    }

    /// The operating system's words for the error underneath, when there is one (ENOSPC: "No space left on
    /// device"), in lower case.
    private static func systemReason(_ error: any Error) -> String? {
        var current = error as NSError
        while true {
            if current.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(current.code))).lowercased()
            }
            guard let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError else { return nil }
            current = underlying
        }
    }
}

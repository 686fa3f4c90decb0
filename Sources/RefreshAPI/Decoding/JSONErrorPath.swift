/// The path of a value, found again from the top of the body when an error needs it: reading keeps no path, so
/// that the bodies that are read pay nothing for the errors of the ones that are not.
extension JSONReader {
    private enum Frame {
        /// An object, with the key whose value comes after it (nil between a comma and the next colon).
        case object(JSONKey?)
        /// A list, with the index of the element being passed.
        case array(Int)
    }

    /// The keys and indices that lead to the byte at `target` (`response.posts.video_posts[3].likes_count`),
    /// walking the structure before it. A position just after a value still belongs to that value, as an error
    /// about a whole value is found once it is read.
    static func path(to target: Int, in bytes: UnsafeRawBufferPointer) -> String {
        var walker = JSONReader(bytes)
        var frames: [Frame] = []
        var pendingKey: JSONKey?
        var expectingKey = false
        walk: while true {
            walker.skipWhitespace()
            guard walker.offset < target, walker.offset < bytes.count else { break }
            let start = walker.offset
            switch bytes[start] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                frames.append(bytes[start] == UInt8(ascii: "{") ? .object(nil) : .array(0))
                expectingKey = bytes[start] == UInt8(ascii: "{")
                _ = walker.consume(bytes[start])
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = frames.popLast()
                expectingKey = false
                _ = walker.consume(bytes[start])
            case UInt8(ascii: ","):
                switch frames.last {
                case .object: (frames[frames.count - 1], expectingKey) = (.object(nil), true)
                case .array(let index): frames[frames.count - 1] = .array(index + 1)
                case nil: break
                }
                _ = walker.consume(bytes[start])
            case UInt8(ascii: ":"):
                if case .object = frames.last { frames[frames.count - 1] = .object(pendingKey) }
                expectingKey = false
                _ = walker.consume(bytes[start])
            case UInt8(ascii: "\""):
                guard (try? walker.skipString()) != nil else { break walk }
                if expectingKey {
                    let raw = UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(walker.offset - 1)])
                    pendingKey = JSONKey(raw: raw, isEscaped: raw.contains(UInt8(ascii: "\\")))
                }
            default:
                guard (try? walker.skipValue()) != nil, walker.offset > start else { break walk }
            }
        }
        var text = ""
        for frame in frames {
            switch frame {
            case .object(let key?): text += text.isEmpty ? key.text : ".\(key.text)"
            case .object(nil): return text
            case .array(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

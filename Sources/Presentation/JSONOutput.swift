import Foundation

/// JSON for scripts, the same in every command: sorted keys, times as RFC 3339 strings in UTC
/// (``Timestamp/rfc3339(_:)``), and the characters JSON leaves raw that a terminal would act on (bidi controls, line
/// separators) written as escapes.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.rfc3339(date))
        }
        guard let data = try? encoder.encode(value) else { return "null" }
        var text = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                text += String(format: "\\u%04x", scalar.value)
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

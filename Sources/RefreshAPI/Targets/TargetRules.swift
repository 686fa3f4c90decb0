/// The validation rule of each request type's parameter.
enum TargetRules {
    static let handleLength = 1...30
    static let userIDLength = 1...20
    static let shortcodeLength = 5...64
    static let channelIDSuffixLength = 22
    static let videoIDLength = 11

    static func normalise(_ raw: String, for type: RequestType) throws(TargetValidationError) -> String {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            throw TargetValidationError("the \(type.parameterName) is empty")
        }
        switch type {
        case .instagram: return try handle(value)
        case .instagramID: return try userID(value)
        case .instagramPost: return try shortcode(value)
        case .youtube: return try channelID(value)
        case .youtubePost: return try videoID(value)
        }
    }

    static func handle(_ value: String) throws(TargetValidationError) -> String {
        let handle = value.hasPrefix("@") ? String(value.dropFirst()) : value
        guard handleLength.contains(handle.unicodeScalars.count) else {
            throw TargetValidationError(
                "an Instagram handle has 1 to 30 characters; '\(handle)' has \(handle.unicodeScalars.count)")
        }
        if let bad = handle.unicodeScalars.first(where: { !isHandleScalar($0) }) {
            throw TargetValidationError(
                "an Instagram handle holds only letters, digits, '.' and '_'; '\(handle)' contains '\(bad)'")
        }
        if handle.hasPrefix(".") || handle.hasSuffix(".") {
            throw TargetValidationError("an Instagram handle cannot start or end with '.'")
        }
        if handle.contains("..") {
            throw TargetValidationError("an Instagram handle cannot contain '..'")
        }
        return handle.lowercased()
    }

    static func userID(_ value: String) throws(TargetValidationError) -> String {
        guard value.unicodeScalars.allSatisfy(isASCIIDigit) else {
            throw TargetValidationError("an Instagram user id is digits only; '\(value)' is not")
        }
        guard userIDLength.contains(value.count) else {
            throw TargetValidationError("an Instagram user id has at most 20 digits; '\(value)' has \(value.count)")
        }
        // Ids are numbers: leading zeros are not part of one, and no account has the id 0.
        let number = String(value.drop { $0 == "0" })
        guard !number.isEmpty else { throw TargetValidationError("'\(value)' is not an Instagram user id (ids start at 1)") }
        return number
    }

    static func shortcode(_ value: String) throws(TargetValidationError) -> String {
        try urlSafe(value, what: "a post shortcode")
        guard shortcodeLength.contains(value.count) else {
            throw TargetValidationError("a post shortcode has 5 to 64 characters; '\(value)' has \(value.count)")
        }
        return value
    }

    static func channelID(_ value: String) throws(TargetValidationError) -> String {
        if value.hasPrefix("@") {
            throw TargetValidationError(
                "'\(value)' is a YouTube handle; the API needs the channel id (UC followed by 22 characters), "
                    + "shown in the channel's About page or its youtube.com/channel/ URL")
        }
        guard value.hasPrefix("UC") else {
            throw TargetValidationError("a YouTube channel id starts with 'UC'; '\(value)' does not")
        }
        let suffix = value.dropFirst(2)
        guard suffix.count == channelIDSuffixLength else {
            throw TargetValidationError(
                "a YouTube channel id is 'UC' and 22 characters; '\(value)' has \(suffix.count) after 'UC'")
        }
        try urlSafe(value, what: "a YouTube channel id")
        return value
    }

    static func videoID(_ value: String) throws(TargetValidationError) -> String {
        guard value.count == videoIDLength else {
            throw TargetValidationError("a YouTube video id has 11 characters; '\(value)' has \(value.count)")
        }
        try urlSafe(value, what: "a YouTube video id")
        return value
    }

    private static func urlSafe(_ value: String, what: String) throws(TargetValidationError) {
        if let bad = value.unicodeScalars.first(where: { !isURLSafeScalar($0) }) {
            throw TargetValidationError(
                "\(what) holds only letters, digits, '-' and '_'; '\(value)' contains '\(bad)'")
        }
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isHandleScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || isASCIIDigit(scalar) || scalar == "." || scalar == "_"
    }

    static func isURLSafeScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || isASCIIDigit(scalar) || scalar == "-" || scalar == "_"
    }
}

extension RefreshTarget {
    /// Reads one entry of a list of creators (a line of a file, a cell of a spreadsheet): everything
    /// ``init(parsing:)`` reads (an address, an `@handle`), `TYPE VALUE`, and a bare value whose type is plain from
    /// its form: digits are an Instagram user id, `UC` and 22 more characters a YouTube channel id, anything else
    /// an Instagram handle.
    public init(listEntry input: String) throws(TargetValidationError) {
        let trimmed = input.trimmingWhitespace()
        let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count == 2, let type = RequestType(rawValue: words[0].lowercased()) {
            try self.init(type: type, typedValue: words[1])
            return
        }
        guard words.count == 1 else {
            throw TargetValidationError(
                words.isEmpty
                    ? "empty" : "'\(trimmed)' is several words; give one handle, address or id, or TYPE VALUE")
        }
        if trimmed.hasPrefix("@") || PastedURL.looksLikeAnAddress(trimmed) || RequestType(rawValue: trimmed.lowercased()) != nil {
            try self.init(parsing: trimmed)
        } else if trimmed.unicodeScalars.allSatisfy(TargetRules.isASCIIDigit) {
            try self.init(type: .instagramID, value: trimmed)
        } else if trimmed.count == 24, trimmed.hasPrefix("UC") {
            try self.init(type: .youtube, value: trimmed)
        } else {
            try self.init(type: .instagram, value: trimmed)
        }
    }
}

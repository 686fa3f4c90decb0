extension JSONReader {
    /// A number as written, with the digits gathered while it was read: its value as a `Double` or an integer
    /// is worked out only when asked, mostly without going through text.
    struct Number {
        /// The token's bytes, valid while the body is.
        var literal = UnsafeRawBufferPointer(start: nil, count: 0)
        /// Whether it has neither a fraction nor an exponent.
        var isIntegerLiteral = true
        var isNegative = false
        /// The first 19 significant digits, as a whole number.
        private(set) var significand: UInt64 = 0
        /// The power of ten the significand is multiplied by.
        var exponent = 0
        /// Significant digits written, leading zeros left out.
        private(set) var significantDigits = 0

        /// Adds a digit read from the literal.
        @inline(__always)
        mutating func append(digit: UInt8, inFraction: Bool) {
            if significantDigits < 19 {
                significand = significand &* 10 &+ UInt64(digit)
                if significand != 0 { significantDigits += 1 }
                if inFraction { exponent -= 1 }
            } else {
                // Beyond what a UInt64 holds: only the magnitude counts, and the value is read from text.
                significantDigits += 1
                if !inFraction { exponent += 1 }
            }
        }
    }
}

extension JSONReader.Number {
    /// The number as a `Double`; nil when a `Double` cannot hold it (too large, or too small and not zero),
    /// as Foundation refuses it too.
    var double: Double? {
        if let exact = exactDouble { return exact }
        guard let value = Double(String(decoding: literal, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0, significand != 0 { return nil }
        return value
    }

    /// The number as a whole number, when it is one that fits (1.0 and 1e3 are; 1.5 is not).
    var integer: Int64? {
        if isIntegerLiteral {
            if significantDigits <= 18 { return isNegative ? -Int64(significand) : Int64(significand) }
            return Int64(String(decoding: literal, as: UTF8.self))
        }
        guard let value = double, value == value.rounded(), value.magnitude < 9.223372036854775807e18 else { return nil }
        return Int64(value)
    }

    /// The value, when it is a significand of at most 15 digits times or divided by a power of ten a `Double`
    /// holds exactly (`1024.5`, `0.034`): one correctly rounded operation gives it (Clinger's fast path). Nil for
    /// the rest, which `strtod` reads.
    private var exactDouble: Double? {
        if significand == 0 { return isNegative ? -0.0 : 0.0 }
        guard significantDigits <= 15, (-22...22).contains(exponent) else { return nil }
        let power = Self.exactPowersOfTen[Int(exponent.magnitude)]
        let magnitude = exponent < 0 ? Double(significand) / power : Double(significand) * power
        return isNegative ? -magnitude : magnitude
    }

    /// 10⁰ to 10²², every one a `Double` holds exactly.
    /// Written out, so that the array is laid out at compile time and reading it needs no lazy initialisation.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
}

import Foundation

/// Numbers as analysts read them: short, and bounded. A value past what any creator's figure could be (a server's
/// mistake, `1e300`) reads "out of range" rather than hundreds of digits or nothing.
public enum NumberFormat {
    public static let outOfRange = "out of range"

    /// Three significant figures with a suffix: 999, 10.0k, 245k, 2.45M, 1.20B, up to 999T.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        guard value.magnitude < 999.5e12 else { return outOfRange }
        let sign = value < 0 ? "-" : ""
        var magnitude = value.magnitude
        if magnitude < 1000 {
            let rounded = magnitude.rounded()
            return rounded == magnitude || magnitude >= 100
                ? sign + String(Int(rounded)) : sign + String(format: "%.3g", magnitude)
        }
        let suffixes = ["k", "M", "B", "T"]
        var index = -1
        while magnitude >= 999.5 && index < suffixes.count - 1 {
            magnitude /= 1000
            index += 1
        }
        let text =
            switch magnitude {
            case ..<9.995: String(format: "%.2f", magnitude)
            case ..<99.95: String(format: "%.1f", magnitude)
            default: String(format: "%.0f", magnitude)
            }
        return sign + text + suffixes[index]
    }

    /// A whole number with thousands separators: 10,001 (up to 999 trillion).
    public static func grouped(_ value: Int) -> String {
        guard value.magnitude < 1_000_000_000_000_000 else { return outOfRange }
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A percentage as the API gives it: 1.10%.
    public static func percent(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "-" }
        guard value.magnitude < 1e6 else { return outOfRange }
        return String(format: "%.\(decimals)f%%", value)
    }

    /// A signed change in percent: +0.07%, -3.23%, 0.00%.
    public static func signedPercent(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        guard value.magnitude < 1e6 else { return outOfRange }
        let text = String(format: "%.2f%%", value.magnitude)
        if text == "0.00%" { return text }
        return (value < 0 ? "-" : "+") + text
    }

    /// A decimal with up to `decimals` places, trailing zeros kept: 1.2 → "1.2".
    public static func decimal(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "-" }
        guard value.magnitude < 1e9 else { return outOfRange }
        return String(format: "%.\(decimals)f", value)
    }
}

import Foundation

/// Reads the `exp` claim of a JWT token, without verifying it, to warn before it lapses.
public enum TokenExpiry {
    /// How close to expiry a warning is given.
    public static let warningWindow: TimeInterval = 3 * 86_400

    /// When the token expires, or `nil` when it is not a JWT or has no `exp`.
    public static func expiry(of token: APIToken) -> Date? {
        let parts = token.secret.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(parts[1]),
            let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else { return nil }
        if let seconds = claims["exp"] as? Double { return Date(timeIntervalSince1970: seconds) }
        if let text = claims["exp"] as? String, let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        return nil
    }

    /// A warning when the token has expired or expires within ``warningWindow``; `nil` otherwise.
    public static func warning(for token: APIToken, now: Date) -> String? {
        guard let expiry = expiry(of: token) else { return nil }
        let remaining = expiry.timeIntervalSince(now)
        if remaining <= 0 {
            return "the API token expired \(describe(-remaining)) ago (\(HTTPDate.format(expiry))); "
                + "the server will reject it; set a new one."
        }
        if remaining < warningWindow {
            return "the API token expires in \(describe(remaining)) (\(HTTPDate.format(expiry)))."
        }
        return nil
    }

    private static func describe(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<3600: "\(Int(seconds / 60)) min"
        case ..<172_800: "\(Int(seconds / 3600)) h"
        default: "\(Int(seconds / 86_400)) days"
        }
    }

    private static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

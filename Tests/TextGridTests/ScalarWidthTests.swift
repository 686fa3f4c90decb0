#if canImport(Glibc)
import CNcursesw
import Glibc
import Testing
import TextGrid

@Suite("Scalar widths agree with the C library")
struct ScalarWidthTests {
    /// ncurses and terminals place text by wcwidth(); a scalar measured otherwise would
    /// shift every column after it. Scalars the C library does not know (-1) are skipped.
    @Test func everyScalarHasTheWidthWcwidthGivesIt() throws {
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C.UTF-8 locale is missing")
        let previous = uselocale(locale)
        defer {
            uselocale(previous)
            freelocale(locale)
        }
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x10FFFF where !(0xD800...0xDFFF).contains(value) && !(0x7F...0x9F).contains(value) {
            let expected = Int(ylytic_wcwidth(value))
            guard expected >= 0, let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.width(of: scalar) != expected {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.width(of: scalar)) not \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) scalars: \(disagreements.prefix(20).joined(separator: ", "))")
    }
}
#endif

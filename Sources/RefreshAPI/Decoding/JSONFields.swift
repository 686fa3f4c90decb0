/// The keys a model reads: a model lists them as a `Field` enum whose raw values are the keys, and reads an object
/// with ``JSONReader/nextField(in:of:)``, which hands it each known field the first time it comes and skips the rest.
///
/// A key is matched against the names of its length only, byte by byte, without making text of it; a field that
/// comes again is told by one bit, so that reading a post's dozen keys keeps no list of them.
struct JSONFields<Field: CaseIterable & RawRepresentable & Sendable>: Sendable where Field.RawValue == String {
    /// The fields, in the order of `Field`'s cases; a field's bit is its place here.
    let fields: [Field]
    /// The names' bytes, one after another, in order of length.
    private let names: [UInt8]
    /// For each name in `names`, in order: where it starts, and its field's place in `fields`.
    private let entries: [(start: Int, field: Int)]
    /// Where the entries of names `n` bytes long start, for each `n` up to the longest name (and one past it).
    private let firstEntryOfLength: [Int]

    init() {
        let fields = Array(Field.allCases)
        precondition(fields.count <= 64, "a field's bit must fit in 64")
        let lengths = fields.map(\.rawValue.utf8.count)
        let byLength = fields.indices.sorted { lengths[$0] < lengths[$1] }
        let longest = lengths.max() ?? 0
        var names: [UInt8] = [], entries: [(start: Int, field: Int)] = []
        for field in byLength {
            entries.append((names.count, field))
            names += fields[field].rawValue.utf8
        }
        self.fields = fields
        self.names = names
        self.entries = entries
        firstEntryOfLength = (0...(longest + 1)).map { length in
            byLength.firstIndex { lengths[$0] >= length } ?? byLength.count
        }
    }

    /// The place in ``fields`` of the field named `key`; nil for a key the model does not read.
    @inline(__always)
    func place(of key: JSONKey) -> Int? {
        guard !key.isEscaped else {
            let text = key.text
            return fields.firstIndex { $0.rawValue == text }
        }
        let length = key.raw.count
        guard length + 1 < firstEntryOfLength.count, let keyStart = key.raw.baseAddress else { return nil }
        return names.withUnsafeBytes { names -> Int? in
            for entry in firstEntryOfLength[length]..<firstEntryOfLength[length + 1]
            where JSONKey.sameBytes(names.baseAddress.map { $0 + entries[entry].start }, keyStart, count: length) {
                return entries[entry].field
            }
            return nil
        }
    }
}

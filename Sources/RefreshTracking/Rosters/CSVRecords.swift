/// The records of a CSV text (RFC 4180: quoted cells may hold commas, line breaks and doubled quotes), each with
/// the number of the line it starts on.
struct CSVRecords {
    struct Record: Equatable {
        var line: Int
        var cells: [String]
    }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var isQuoted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            cells.append(cell)
            records.append(Record(line: recordLine, cells: cells))
            cells = []
            cell = ""
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if isQuoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        isQuoted = false
                        pending = next
                    }
                } else {
                    if character.isNewline { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where cell.allSatisfy(\.isWhitespace):
                cell = ""
                isQuoted = true
            case ",":
                cells.append(cell)
                cell = ""
            case _ where character.isNewline:
                endRecord()
                line += 1
                recordLine = line
            default:
                cell.append(character)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}

import Testing
@testable import Presentation

@Suite("Numbers in short form")
struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (7, "7"), (999, "999"), (1000, "1.00k"), (10001, "10.0k"), (245_300, "245k"),
        (999_999, "1.00M"), (2_450_000, "2.45M"), (1_200_000_000, "1.20B"), (-3400, "-3.40k"), (12.5, "12.5"),
    ])
    func compact(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test func groupedAndPercentages() {
        #expect(NumberFormat.grouped(10001) == "10,001")
        #expect(NumberFormat.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.signedPercent(0.07) == "+0.07%")
        #expect(NumberFormat.signedPercent(-3.23) == "-3.23%")
        #expect(NumberFormat.signedPercent(-0.001) == "0.00%")
        #expect(NumberFormat.percent(1.1) == "1.10%")
    }

    @Test func aNumberPastAnyCreatorsFigureReadsOutOfRangeNeverHundredsOfDigits() {
        #expect(NumberFormat.compact(998e12) == "998T")
        for text in [
            NumberFormat.compact(1e300), NumberFormat.compact(-1e300), NumberFormat.percent(1e300), NumberFormat.signedPercent(-1e300),
            NumberFormat.decimal(1e300),
        ] {
            #expect(text == "out of range")
        }
        #expect(NumberFormat.compact(Double(Int.max)) == "out of range", "not 922337…")
        #expect(NumberFormat.grouped(Int.max) == "out of range" && NumberFormat.grouped(Int.min) == "out of range")
        #expect(NumberFormat.percent(99_999.5) == "99999.50%")
    }
}

@Suite("Sparklines")
struct SparklineTests {
    @Test func lowestAndHighestTakeTheExtremeGlyphs() {
        #expect(Sparkline.render([750, 800, 1000], width: 20) == "▁▂█")
        #expect(Sparkline.render([1, 2, 3, 4, 5, 6, 7, 8], width: 8) == "▁▂▃▄▅▆▇█")
    }

    @Test func flatSinglePointEmptyAndNegativeSeriesDrawSensibly() {
        #expect(Sparkline.render([5, 5, 5], width: 10) == "▄▄▄")
        #expect(Sparkline.render([42], width: 10) == "▄")
        #expect(Sparkline.render([], width: 10) == "")
        #expect(Sparkline.render([-3, -1, -2], width: 10) == "▁█▅")
        #expect(Sparkline.render([1, .nan, 3], width: 10) == "▁█")
        #expect(Sparkline.render([1, 2], width: 0) == "")
    }

    @Test func longSeriesAreAveragedIntoTheWidth() {
        let rising = (0..<1000).map(Double.init)
        let line = Sparkline.render(rising, width: 20)
        #expect(line.count == 20)
        #expect(line.first == "▁")
        #expect(line.last == "█")
        #expect(Sparkline.resample([1, 3, 5, 7], to: 2) == [2, 6])
    }

    @Test func asciiGlyphsOnly() {
        let line = Sparkline.render([1, 5, 9], width: 5, glyphs: .ascii)
        #expect(line == "_=#")
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
    }
}

@Suite("Block chart")
struct BlockChartTests {
    let label = { (value: Double) in String(Int(value)) }

    @Test func extremesFillTheTopAndTouchTheBottomWithAnAxis() {
        let rows = BlockChart.render([0, 50, 100], width: 10, height: 4, label: label)
        #expect(rows == ["100 ┤  █", "    ┤ ▁█", " 50 ┤ ██", "  0 ┤▁██"], "50 is a little over half of four rows")
    }

    @Test func flatSingleEmptyNegativeAndLongSeries() {
        #expect(BlockChart.render([5, 5], width: 10, height: 2, label: label) == ["5 ┤  ", "5 ┤██"], "flat: half height")
        #expect(BlockChart.render([7], width: 10, height: 3, label: label).count == 3)
        #expect(BlockChart.render([], width: 10, height: 3, label: label).isEmpty)
        let negative = BlockChart.render([-10, -5, -20], width: 10, height: 2, label: label)
        #expect(negative.first?.hasPrefix(" -5 ┤") == true)
        #expect(negative.last?.hasPrefix("-20 ┤") == true)
        let long = BlockChart.render((0..<1000).map(Double.init), width: 20, height: 4, label: label)
        #expect(long.allSatisfy { $0.split(separator: "┤").last!.count == 20 })
        #expect(long.last!.split(separator: "┤").last!.first == "▁")
        #expect(long.first!.last == "█")
    }
}

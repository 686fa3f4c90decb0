import Benchmark
import TextGrid

/// Issue 14: measuring 20,000 mixed-script captions, at most 20 ms; and placing them in a grid, as the posts
/// table does a screenful at a time.
func textBenchmarks() {
    let captions = MixedScriptCaptions.make(count: 20_000)

    Benchmark(
        "Measure 20,000 mixed-script captions",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 500)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var columns = 0
            for caption in captions { columns &+= DisplayWidth.of(caption) }
            blackHole(columns)
        }
    }

    Benchmark(
        "Place 20,000 mixed-script captions in 200-column rows",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 200)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var grid = Grid(width: 200, height: 60)
            for (index, caption) in captions.enumerated() { grid.put(caption, x: 0, y: index % 60) }
            blackHole(grid)
        }
    }
}

/// Captions as Ylytic's creators write them: Hindi, Tamil, Bengali, Telugu, Punjabi, Thai, Arabic, CJK and
/// English with emoji, hashtags and mentions, 60 to 200 characters long.
enum MixedScriptCaptions {
    static let phrases = [
        "नमस्ते दोस्तों! आज का वीडियो देखिए", "வணக்கம் நண்பர்களே, புதிய பதிவு", "নমস্কার বন্ধুরা, নতুন ভিডিও",
        "నమస్కారం స్నేహితులారా", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਦੋਸਤੋ", "สวัสดีครับ เพื่อนๆ", "مرحبا بالعالم", "你好世界 こんにちは 안녕하세요",
        "Mi familia 👨‍👩‍👧 👩‍💻 ❤️ 🇮🇳 👍🏽 ✨", "New drop is live, link in bio", "Monsoon skincare routine that works",
    ]

    static func make(count: Int) -> [String] {
        (0..<count).map { index in
            var caption = ""
            for part in 0..<(2 + index % 5) {
                caption += phrases[(index &* 7 &+ part &* 3) % phrases.count] + " "
            }
            return caption + "#ylytic\(index) @creator\(index % 97)"
        }
    }
}

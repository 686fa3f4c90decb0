/// The words synthetic creators are made of: names, places, categories and captions
/// in several scripts, with emoji, so that the client meets what real data holds.
enum Vocabulary {
    static let names = [
        "Ananya Sharma", "Aarav Patel", "Priya Nair", "Rohan Mehta", "María López", "Chloé Martin", "田中 花子",
        "김민지", "Omar Haddad", "Zoë Williams", "Lucas Silva", "Aisha Khan", "Ivan Petrov", "Mei Lin", "Kofi Mensah",
        "Sofia Rossi", "Noah Müller", "Fatima Zahra", "Arjun Rao", "Emma Dubois", "Hiroshi Sato", "Lina Haddad",
        "Diego Fernández", "Sakura Ito", "Vikram Singh", "Nadia Petrova", "Leila Amiri", "Tomás Novák",
    ]

    static let places: [(city: String, country: String)] = [
        ("Pune", "India"), ("Mumbai", "India"), ("Bengaluru", "India"), ("Delhi", "India"), ("Tokyo", "Japan"),
        ("Seoul", "South Korea"), ("São Paulo", "Brazil"), ("Paris", "France"), ("Madrid", "Spain"),
        ("Dubai", "United Arab Emirates"), ("Lagos", "Nigeria"), ("London", "United Kingdom"), ("Berlin", "Germany"),
        ("New York", "United States"), ("Jakarta", "Indonesia"), ("Mexico City", "Mexico"),
    ]

    static let categories: [(category: String, platformCategory: String, tags: [String])] = [
        ("Food & Drink", "Chef", ["#food", "#foodie", "#recipe", "#streetfood", "#homecooking"]),
        ("Travel", "Travel", ["#travel", "#wanderlust", "#travelgram", "#roadtrip", "#beach"]),
        ("Fitness", "Athlete", ["#fitness", "#workout", "#gym", "#yoga", "#running"]),
        ("Fashion & Beauty", "Fashion Model", ["#fashion", "#ootd", "#style", "#makeup", "#skincare"]),
        ("Technology", "Science, Technology & Engineering", ["#tech", "#gadgets", "#coding", "#ai", "#review"]),
        ("Business & Entrepreneurship", "Business", ["#startup", "#business", "#growth", "#marketing", "#founder"]),
        ("Music", "Musician/Band", ["#music", "#newmusic", "#cover", "#livemusic", "#producer"]),
        ("Gaming", "Gaming Video Creator", ["#gaming", "#gamer", "#esports", "#twitch", "#letsplay"]),
        ("Parenting", "Personal Blog", ["#parenting", "#momlife", "#family", "#kids", "#dadlife"]),
    ]

    static let phrases = [
        "New video is up", "Sunday mornings like this ☀️", "Trying something different today",
        "नमस्ते दोस्तों, आज का वीडियो", "今日はとても楽しかった", "오늘도 감사합니다 🙏", "مرحبا بالجميع",
        "Behind the scenes 🎬", "What do you think? 👇", "Can't believe this happened 😂", "Recipe in the comments",
        "Día perfecto en la playa 🌊", "Le meilleur café de la ville ☕", "Ready for the weekend 🎉",
        "Thank you for 1 million views ❤️", "Q&A answers coming soon", "Mi familia 👨‍👩‍👧‍👦", "Hello from the mountains 🏔️",
    ]

    static let brands = ["@nike", "@boat.nirvana", "@mamaearth", "@samsung", "@zomato", "@adidas", "@sephora", "@oneplus"]

    /// Words that mark a post as paid, as platforms and regulators ask creators to write them.
    static let sponsorMarks = ["#ad", "#sponsored", "Paid partnership with"]
}

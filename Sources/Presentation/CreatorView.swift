/// A saved view of the creators, as `views:` in `config.yml` keeps it (the way gh-dash keeps its sections): a name,
/// the query that selects its creators, their order and the columns shown. `V` on the Creators tab opens one;
/// `ylytic creators --view NAME` prints one.
public struct CreatorView: Sendable, Equatable {
    public var name: String
    /// The query as written (`tier:micro city:pune er>3%`); empty selects every creator.
    public var query: String
    /// The order; nil keeps the list's own.
    public var sort: CreatorSort?
    /// The columns, in order; empty keeps the list's own.
    public var columns: [CreatorField]

    public init(name: String, query: String = "", sort: CreatorSort? = nil, columns: [CreatorField] = []) {
        self.name = name
        self.query = query
        self.sort = sort
        self.columns = columns
    }
}

/// The version of the tool.
public enum YlyticVersion {
    public static let current = "0.1.0"
}

/// The version of the Receptive language this build implements.
public enum LanguageVersion {
    /// The specification version.
    public static let current = "1.0"
}
